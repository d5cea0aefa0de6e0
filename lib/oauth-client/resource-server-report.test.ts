import { describe, expect, it } from 'vitest';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { outcomeOf } from './checklist';
import { checksFromReport } from './resource-server-report';

const withReport = (value?: string) => new Headers(value === undefined ? {} : { 'Flowlab-Checks': value });

describe('checksFromReport', () => {
  it('shows each check the resource server reports, in its order, with the title and spec of CHECK_TITLES', () => {
    const checks = checksFromReport(
      withReport('alg=pass, key=pass, signature=pass, typ=pass, iss=pass, aud=pass, exp=pass, claims=pass, active=pass, scope=pass'),
    );
    expect(checks.map((c) => c.name)).toEqual(
      ['alg', 'key', 'signature', 'typ', 'iss', 'aud', 'exp', 'claims', 'active', 'scope'].map(
        (k) => CHECK_TITLES[k as keyof typeof CHECK_TITLES].title,
      ),
    );
    expect(checks.every((c) => c.passed && outcomeOf(c) === 'pass')).toBe(true);
    expect(checks[2].spec).toBe(CHECK_TITLES.signature.spec);
  });

  it('keeps a skipped check apart from a passed one: not passed, outcome skipped, said to be the lab realm', () => {
    const [alg, aud] = checksFromReport(withReport('alg=weakened, aud=skipped'));
    expect(aud).toMatchObject({ name: CHECK_TITLES.aud.title, passed: false, outcome: 'skipped' });
    expect(aud.detail).toContain('skipped by this lab realm');
    expect(alg).toMatchObject({ passed: true, outcome: 'weakened' });
    expect(alg.detail).toContain('weakened by this lab realm');
  });

  it('reports a refusal as failed', () => {
    const checks = checksFromReport(withReport('alg=pass, key=pass, signature=fail'));
    expect(checks.map(outcomeOf)).toEqual(['pass', 'pass', 'fail']);
    expect(checks[2].passed).toBe(false);
  });

  it('makes up nothing when the answer has no report, or only garbage in it', () => {
    expect(checksFromReport(withReport())).toEqual([]);
    expect(checksFromReport(withReport('alg=maybe, x=pass, <script>'))).toEqual([]);
  });
});
