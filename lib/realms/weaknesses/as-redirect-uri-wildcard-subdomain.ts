import { defineWeakness } from './define';
import { wildcardSubdomainMatch } from './redirect-uri-matching';

export const asRedirectUriWildcardSubdomain = defineWeakness({
  name: 'as-redirect-uri-wildcard-subdomain',
  point: 'as.redirect-uri',
  attack:
    'Redirect-URI manipulation — the AS accepts a redirect_uri that is on any subdomain of the registered host (mallory.localhost), so Mallory’s crafted link delivers Alice’s code to her.',
  specs: ['RFC 9700 §4.1.3', 'RFC 9700 §4.1.1', 'RFC 6749 §10.6'],
  server: 'as',
  apply: () => ({ 'as.redirect-uri': wildcardSubdomainMatch }),
});
