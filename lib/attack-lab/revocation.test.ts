import { describe, expect, it } from 'vitest';
import { processRevocationResponse, revocationRequest } from './revocation';

describe('RFC 7009 revocation request and response', () => {
  it('sends the token with its hint, the client authenticated with HTTP Basic', async () => {
    const r = revocationRequest(
      'http://localhost:3000/as/x/revoke',
      { clientId: 'service', secret: 'service-secret', method: 'client_secret_basic' },
      'tok',
    );
    expect(r.method).toBe('POST');
    expect(r.headers.get('authorization')).toBe(`Basic ${btoa('service:service-secret')}`);
    expect(new URLSearchParams(await r.text()).toString()).toBe('token=tok&token_type_hint=access_token');
  });

  it('200 is success (§2.2, whether or not the token was known); an error JSON is named', () => {
    expect(processRevocationResponse(200, '')).toEqual({ ok: true, value: { status: 200 } });
    expect(processRevocationResponse(401, '{"error":"invalid_client","error_description":"bad secret"}')).toMatchObject({
      ok: false,
      error: { code: 'revocation_failed', message: expect.stringContaining('401 invalid_client — bad secret') },
    });
    expect(processRevocationResponse(503, '<html>')).toMatchObject({ ok: false, error: { message: expect.stringContaining('HTTP 503') } });
  });
});
