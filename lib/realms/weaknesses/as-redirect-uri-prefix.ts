import { defineWeakness } from './define';
import { prefixMatch } from './redirect-uri-matching';

export const asRedirectUriPrefix = defineWeakness({
  name: 'as-redirect-uri-prefix',
  point: 'as.redirect-uri',
  attack:
    'Redirect-URI manipulation — the AS accepts a redirect_uri that starts with the registered one (/flows/callbackevil, /flows/callback/../../attacker/…), so Mallory’s crafted link delivers Alice’s code to her.',
  specs: ['RFC 9700 §4.1.3', 'RFC 9700 §4.1.1', 'RFC 6749 §10.6'],
  server: 'as',
  apply: () => ({ 'as.redirect-uri': prefixMatch }),
});
