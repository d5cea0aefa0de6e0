import { defineWeakness } from './define';

/**
 * PKCE only when the client sends it: a code issued without a challenge is redeemed without a
 * verifier, and a verifier sent for such a code is ignored (the downgrade of RFC 9700 §4.8.2).
 */
export const asPkceOptional = defineWeakness({
  name: 'as-pkce-optional',
  point: 'as.pkce-required',
  attack:
    'Code interception and PKCE downgrade — without a required challenge, a stolen code is redeemed by whoever holds it, and stripping the challenge from the request goes unnoticed.',
  specs: ['RFC 9700 §2.1.1', 'RFC 9700 §4.5', 'RFC 9700 §4.8.2', 'RFC 7636 §1'],
  server: 'as',
  apply: () => ({ 'as.pkce-required': { atAuthorize: () => null, atToken: () => null } }),
});
