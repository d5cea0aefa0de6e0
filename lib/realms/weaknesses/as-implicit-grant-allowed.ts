import { defineWeakness } from './define';

export const asImplicitGrantAllowed = defineWeakness({
  name: 'as-implicit-grant-allowed',
  point: 'as.response-types',
  attack:
    'Implicit grant — the access token travels in the URL fragment, where history, scripts on the page and open redirects can read it, and it can be injected.',
  specs: ['RFC 9700 §2.1.2', 'RFC 9700 §4.3', 'RFC 6749 §4.2'],
  server: 'as',
  apply: () => ({ 'as.response-types': ['code', 'token'] }),
});
