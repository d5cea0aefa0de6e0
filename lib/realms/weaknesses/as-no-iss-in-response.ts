import { defineWeakness } from './define';

export const asNoIssInResponse = defineWeakness({
  name: 'as-no-iss-in-response',
  point: 'as.authorization-response-iss',
  attack:
    'Mix-up — the authorization response does not say which AS sent it, so a client talking to two servers can be tricked into sending a code to the wrong one.',
  specs: ['RFC 9207 §2', 'RFC 9700 §4.4'],
  server: 'as',
  apply: () => ({ 'as.authorization-response-iss': { send: false } }),
});
