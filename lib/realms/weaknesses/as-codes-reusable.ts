import { defineWeakness } from './define';

export const asCodesReusable = defineWeakness({
  name: 'as-codes-reusable',
  point: 'as.code-use',
  attack: 'Reusable codes — a code leaked through Referer, logs or history is redeemed again after the client used it.',
  specs: ['RFC 6749 §4.1.2', 'RFC 6749 §10.5', 'RFC 9700 §4.2.4'],
  server: 'as',
  apply: () => ({ 'as.code-use': { take: (store, key) => store.get(key), oneTime: false } }),
});
