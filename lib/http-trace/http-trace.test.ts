import { describe, expect, it } from 'vitest';
import { toCurl } from './curl';
import { tokensInBody, tokensInHeaders, tokenKind } from './find-tokens';

describe('http-trace', () => {
  it('finds tokens in a token response and classifies JWT vs opaque', () => {
    const found = tokensInBody(JSON.stringify({ access_token: 'a.b.c', refresh_token: 'opaque', token_type: 'Bearer' }), 'response.body');
    expect(found.map((t) => [t.label, t.kind, t.where])).toEqual([
      ['access token', 'jwt', 'response.body.access_token'],
      ['refresh token', 'opaque', 'response.body.refresh_token'],
    ]);
  });

  it('finds a bearer token in the Authorization header but not Basic credentials', () => {
    expect(tokensInHeaders({ authorization: 'Bearer x.y.z' }, 'h')).toHaveLength(1);
    expect(tokensInHeaders({ authorization: 'Basic abc' }, 'h')).toHaveLength(0);
    expect(tokenKind('a.b.c.d.e')).toBe('jwe');
  });

  it('writes a curl command that quotes single quotes safely', () => {
    const curl = toCurl({
      request: { method: 'POST', url: 'http://x/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: "a=it's" },
    });
    expect(curl).toContain('-X POST');
    expect(curl).toContain(`--data-raw 'a=it'\\''s'`);
  });
});

describe('recordFetch with a null-body status', () => {
  it('records a 204 answer and hands back a readable, empty response', async () => {
    const { recordFetch: record } = await import('./record');
    const fake = (async () => new Response(null, { status: 204 })) as unknown as typeof fetch;
    const { exchange, response, body } = await record(
      new Request('http://localhost/x', { method: 'PUT', body: '{}' }),
      { step: 's', from: 'attacker', to: 'attacker' },
      fake,
    );
    expect(exchange.response?.status).toBe(204);
    expect(response.status).toBe(204);
    expect(body).toBe('');
  });
});
