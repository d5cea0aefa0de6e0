import { defineWeakness } from './define';

export const rsSkipsAud = defineWeakness({
  name: 'rs-skips-aud',
  point: 'rs.audience',
  attack: 'Audience not checked — a token minted for another resource server (another realm’s API) is replayed here and accepted.',
  specs: ['RFC 9068 §4', 'RFC 8725 §3.9'],
  server: 'rs',
  apply: () => ({ 'rs.audience': () => 'skipped' }),
});
