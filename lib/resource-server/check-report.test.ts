import { describe, expect, it } from 'vitest';
import { formatCheckReport, parseCheckReport } from './check-report';

describe('Flowlab-Checks report', () => {
  it('round-trips in order', () => {
    const entries = [
      { check: 'alg', outcome: 'weakened' },
      { check: 'signature', outcome: 'skipped' },
      { check: 'aud', outcome: 'fail' },
    ] as const;
    expect(parseCheckReport(formatCheckReport(entries))).toEqual(entries);
  });

  it('drops unknown names and outcomes, and refuses a huge header', () => {
    expect(parseCheckReport('alg=pass, evil=pass, exp=maybe, __proto__=pass')).toEqual([{ check: 'alg', outcome: 'pass' }]);
    expect(parseCheckReport('alg=pass,'.repeat(500))).toEqual([]);
    expect(parseCheckReport(null)).toEqual([]);
  });
});
