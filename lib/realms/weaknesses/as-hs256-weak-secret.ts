import { defineWeakness } from './define';

/**
 * The AS signs access tokens HS256 with a secret from a common-password list. The RS shares it (that
 * is how HMAC works); anyone who guesses it offline from one token can mint any token.
 */
export const asHs256WeakSecret = defineWeakness({
  name: 'as-hs256-weak-secret',
  point: 'as.access-token-key',
  attack: 'Weak HMAC secret — Mallory cracks the HS256 secret of one access token offline with a wordlist, then signs tokens of her own.',
  specs: ['RFC 8725 §3.5', 'RFC 7518 §3.2'],
  server: 'as',
  needsHmacSecret: true,
  apply: (points) => ({ 'as.access-token-key': (keys) => keys.hmac ?? points['as.access-token-key'](keys) }),
});
