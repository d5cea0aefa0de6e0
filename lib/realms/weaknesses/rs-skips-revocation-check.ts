import { defineWeakness } from './define';

/** The RS verifies JWTs locally only: a revoked token keeps working until its exp. */
export const rsSkipsRevocationCheck = defineWeakness({
  name: 'rs-skips-revocation-check',
  point: 'rs.revocation',
  attack:
    'Revoked JWT still accepted — the RS trusts a self-contained token until it expires and never asks the AS whether it was revoked.',
  specs: ['RFC 7009 §2', 'RFC 7662 §2', 'RFC 9068 §4'],
  server: 'rs',
  apply: () => ({ 'rs.revocation': async () => 'skipped' }),
});
