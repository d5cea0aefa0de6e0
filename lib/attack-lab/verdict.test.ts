import { describe, expect, it } from 'vitest';
import { challengeSafe } from '@/lib/resource-server/rs-errors';
import { challengeOf, judgeReplay } from './verdict';

const j = { victim: 'alice', victimName: 'Alice', sent: 'the forged token' };

describe('judgeReplay', () => {
  it('is a success only when the RS served the victim’s data', () => {
    expect(judgeReplay({ status: 200, body: '{"owner":"alice","photos":[]}' }, j)).toEqual({
      succeeded: true,
      what: expect.stringMatching(/^the resource server accepted the forged token and returned Alice’s photos/),
    });
    expect(judgeReplay({ status: 200, body: '{"owner":"service","photos":[]}' }, j).succeeded).toBe(false);
    expect(judgeReplay({ status: 200, body: 'not json' }, j).succeeded).toBe(false);
  });

  it('names the RS’s own error on a refusal', () => {
    const www = 'Bearer realm="x", error="invalid_token", error_description="The algorithm \\"none\\" is not allowed"';
    const o = judgeReplay({ status: 401, body: '', wwwAuthenticate: www }, j);
    expect(o).toEqual({
      succeeded: false,
      what: 'the resource server refused the forged token: 401 invalid_token — The algorithm "none" is not allowed.',
    });
    expect(judgeReplay({ status: 503, body: '' }, j).what).toContain('HTTP 503');
  });

  it('ends a refusal with one period when the description has its own, and keeps a section readable', () => {
    const www = `Bearer realm="x", error="invalid_token", error_description="${challengeSafe('The access token uses an algorithm this resource server does not accept (RFC 8725 §3.1).')}"`;
    expect(judgeReplay({ status: 401, body: '', wwwAuthenticate: www }, j).what).toBe(
      'the resource server refused the forged token: 401 invalid_token — The access token uses an algorithm this resource server does not accept (RFC 8725 section 3.1).',
    );
  });

  it('reads RFC 6750 challenges, quoted-pairs included, and nothing from garbage', () => {
    expect(challengeOf('DPoP error="invalid_dpop_proof", error_description="a \\"b\\""')).toEqual({
      error: 'invalid_dpop_proof',
      description: 'a "b"',
    });
    expect(challengeOf('Bearer')).toEqual({ error: undefined, description: undefined });
    expect(challengeOf(null)).toEqual({});
    expect(challengeOf('x'.repeat(100_000))).toEqual({ error: undefined, description: undefined });
  });
});
