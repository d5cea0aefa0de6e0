import { describe, expect, it } from 'vitest';
import { handleServerRequest } from './server-router';

describe('handleServerRequest', () => {
  it('routes the demo discovery document', async () => {
    const res = await handleServerRequest(new Request('http://localhost:3000/as/demo/.well-known/openid-configuration'));
    expect(res.status).toBe(200);
    expect((await res.json()).issuer).toBe('http://localhost:3000/as/demo');
  });

  it.each([
    ['/as/%E0%A4%A/token', 'percent-encoding'],
    ['/as/nope/token', 'no realm'],
    ['/as/demo/constructor', 'Not found'],
    ['/rs/demo/__proto__', 'Not found'],
    ['/elsewhere', 'Not found'],
  ])('answers %s with a JSON 404, never a 500', async (path, words) => {
    const res = await handleServerRequest(new Request(`http://localhost:3000${path}`, { method: 'POST' }));
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain(words);
  });
});
