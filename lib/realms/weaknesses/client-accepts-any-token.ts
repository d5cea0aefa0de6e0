import { defineWeakness } from './define';

/**
 * Applied by the flow machines (the legacy implicit client's login), read from the realm descriptor;
 * the servers ignore it. The hardened client checks that the token it is handed was issued to it
 * (introspection's `client_id`, RFC 7662 §2.2; an ID token's `aud`/`azp` and `nonce`, OIDC Core §3.2.2.11).
 */
export const clientAcceptsAnyToken = defineWeakness({
  name: 'client-accepts-any-token',
  point: 'client.token-audience',
  attack:
    'Access-token injection — the legacy implicit app logs in whoever a token in its callback names, without checking the token was issued to it, so Mallory signs in as Alice with a token Alice granted to Mallory’s app.',
  specs: ['RFC 9700 §4.6', 'RFC 6749 §10.16', 'RFC 7662 §2.2', 'OIDC Core §3.2.2.11'],
  server: 'client',
  apply: () => ({ 'client.token-audience': { enforced: false } }),
});
