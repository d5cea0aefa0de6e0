import { acceptAnyToken } from '../../lab-client/token-audience';
import { defineWeakness } from './define';

/**
 * Applied by the legacy implicit app's backend (lib/lab-client/implicit-login.ts) for the lab realm it
 * serves; the AS and RS ignore it. The app signs in whoever the resource server says an access token
 * belongs to, without asking which client the token was issued to.
 */
export const clientAcceptsAnyToken = defineWeakness({
  name: 'client-accepts-any-token',
  point: 'client.token-audience',
  attack:
    'Access-token injection — the legacy implicit app signs in whoever a token in its callback belongs to, without checking the token was issued to it, so Mallory signs in as Alice with the token Alice granted to Mallory’s quiz app.',
  specs: ['RFC 9700 §4.6', 'RFC 6749 §10.16', 'OIDC Core §3.1.3.7'],
  server: 'client',
  apply: () => ({ 'client.token-audience': acceptAnyToken }),
});
