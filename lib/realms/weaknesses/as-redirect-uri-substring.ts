import { defineWeakness } from './define';
import { substringMatch } from './redirect-uri-matching';

export const asRedirectUriSubstring = defineWeakness({
  name: 'as-redirect-uri-substring',
  point: 'as.redirect-uri',
  attack:
    'Redirect-URI manipulation — the AS accepts a redirect_uri that contains the registered one anywhere, so Mallory’s crafted link delivers Alice’s code to her.',
  specs: ['RFC 9700 §4.1.3', 'RFC 9700 §4.1.1', 'RFC 6749 §10.6'],
  server: 'as',
  apply: () => ({ 'as.redirect-uri': substringMatch }),
});
