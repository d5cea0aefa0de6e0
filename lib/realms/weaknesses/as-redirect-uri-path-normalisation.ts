import { defineWeakness } from './define';
import { pathPrefixMatch } from './redirect-uri-matching';

export const asRedirectUriPathNormalisation = defineWeakness({
  name: 'as-redirect-uri-path-normalisation',
  point: 'as.redirect-uri',
  attack:
    'Redirect-URI manipulation — the AS accepts a redirect_uri that lies under the registered path before dot segments are resolved (/flows/callback/../../attacker/…), so Mallory’s crafted link delivers Alice’s code to her.',
  specs: ['RFC 9700 §4.1.3', 'RFC 9700 §4.1.1', 'RFC 6749 §10.6'],
  server: 'as',
  apply: () => ({ 'as.redirect-uri': pathPrefixMatch }),
});
