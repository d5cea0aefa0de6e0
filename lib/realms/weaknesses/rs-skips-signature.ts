import { defineWeakness } from './define';

export const rsSkipsSignature = defineWeakness({
  name: 'rs-skips-signature',
  point: 'rs.signature',
  attack: 'Unverified signature — the RS only decodes the token, so any edited payload passes.',
  specs: ['RFC 7515 §5.2', 'RFC 8725 §3.1'],
  server: 'rs',
  apply: () => ({ 'rs.signature': async () => 'skipped' }),
});
