import { defineWeakness } from './define';
import { ignoreQueryMatch } from './redirect-uri-matching';

export const asRedirectUriExtraQuery = defineWeakness({
  name: 'as-redirect-uri-extra-query',
  point: 'as.redirect-uri',
  attack:
    'Redirect-URI manipulation — the AS accepts a redirect_uri that equals the registered one once extra query parameters are ignored (?next=/attacker/…), so Mallory’s crafted link delivers Alice’s code to her.',
  specs: ['RFC 9700 §4.1.3', 'RFC 9700 §4.1.1', 'RFC 6749 §10.6'],
  server: 'as',
  apply: () => ({ 'as.redirect-uri': ignoreQueryMatch }),
});
