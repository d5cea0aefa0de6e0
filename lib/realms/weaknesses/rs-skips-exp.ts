import { defineWeakness } from './define';

export const rsSkipsExp = defineWeakness({
  name: 'rs-skips-exp',
  point: 'rs.expiry',
  attack: 'Expired token accepted — the RS never checks exp, so a token stolen last month still works.',
  specs: ['RFC 7519 §4.1.4', 'RFC 9068 §4', 'RFC 8725 §3.8'],
  server: 'rs',
  apply: () => ({ 'rs.expiry': () => 'skipped' }),
});
