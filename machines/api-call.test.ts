import { afterEach, describe, expect, it, vi } from 'vitest';
import { outcomeOf } from '@/lib/oauth-client/checklist';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { apiCall } from './shared';

/** The API call's checklist is the RS's own report of that answer, whatever the token looks like to the browser. */
const answer = (status: number, headers: Record<string, string>) =>
  vi.stubGlobal('fetch', async () => new Response(status === 200 ? '[]' : '', { status, headers }));
const call = () => apiCall({ step: 'callApi', url: 'http://localhost:3000/rs/lab1/photos', accessToken: 'not-even-a-jwt' });

describe('apiCall', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows what a weakened RS reported, even for a token the browser could not verify', async () => {
    answer(200, { 'Flowlab-Checks': 'alg=weakened, signature=skipped, aud=skipped, exp=pass' });
    const out = await call();
    expect(out.result.ok).toBe(true);
    expect(out.checks?.map((c) => [c.name, outcomeOf(c)])).toEqual([
      [CHECK_TITLES.alg.title, 'weakened'],
      [CHECK_TITLES.signature.title, 'skipped'],
      [CHECK_TITLES.aud.title, 'skipped'],
      [CHECK_TITLES.exp.title, 'pass'],
    ]);
  });

  it('shows the refusal the RS reported with its 401', async () => {
    answer(401, { 'Flowlab-Checks': 'alg=pass, key=pass, signature=fail', 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    const out = await call();
    expect(out.result.ok).toBe(false);
    expect(out.checks?.filter((c) => !c.passed).map((c) => c.name)).toEqual([CHECK_TITLES.signature.title]);
    expect(out.facts).toContainEqual({ label: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' });
  });

  it('shows no checks at all when the answer carries no report', async () => {
    answer(200, {});
    expect((await call()).checks).toEqual([]);
  });
});
