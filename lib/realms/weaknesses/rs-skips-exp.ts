import { defineWeakness } from './define';

/**
 * The RS never looks at `exp`. Such an RS trusts the token's own claims and verifies locally only, so
 * it does not ask the AS whether the token is still live either (the AS forgets a token's record
 * once the token has expired, which would otherwise refuse it).
 */
export const rsSkipsExp = defineWeakness({
  name: 'rs-skips-exp',
  point: 'rs.expiry',
  attack: 'Expired token accepted — the RS never checks exp, so a token stolen last month still works.',
  specs: ['RFC 7519 §4.1.4', 'RFC 9068 §4', 'RFC 8725 §3.8'],
  server: 'rs',
  apply: () => ({ 'rs.expiry': () => 'skipped', 'rs.revocation': async () => 'skipped' }),
});
