import { defineWeakness } from './define';

export const asPkcePlainAccepted = defineWeakness({
  name: 'as-pkce-plain-accepted',
  point: 'as.pkce-methods',
  attack: 'PKCE plain — the challenge is the verifier itself, so whoever sees the authorization request can redeem the code.',
  specs: ['RFC 9700 §2.1.1', 'RFC 7636 §4.2', 'RFC 7636 §7.2'],
  server: 'as',
  apply: () => ({ 'as.pkce-methods': ['S256', 'plain'] }),
});
