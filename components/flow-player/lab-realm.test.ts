import { describe, expect, it } from 'vitest';
import { loadLabRealm, realmParam } from './lab-realm';

const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('?realm= on a flow page', () => {
  it('reads the id, and treats none, empty and demo as demo', () => {
    expect(realmParam('?realm=abcdefghijklmnopqrstuvwxyzABCDEF')).toEqual({ id: 'abcdefghijklmnopqrstuvwxyzABCDEF', valid: true });
    for (const s of ['', '?realm=', '?realm=demo', '?step=3']) expect(realmParam(s)).toBeUndefined();
    for (const s of ['?realm=../../api', '?realm=short', `?realm=${'a'.repeat(200)}`, '?realm=<script>'])
      expect(realmParam(s)!.valid).toBe(false);
  });

  it('turns the realm document into a descriptor, and explains a missing realm or a bad answer', async () => {
    const doc = { id: 'r1', issuer: 'http://x/as/r1', resource: 'http://x/rs/r1', weaknesses: ['rs-skips-aud', 7], expiresAt: 1 };
    expect(await loadLabRealm('r1', answer(200, doc))).toEqual({
      kind: 'lab',
      realm: { id: 'r1', issuer: doc.issuer, resource: doc.resource, weaknesses: ['rs-skips-aud'] },
    });
    expect(await loadLabRealm('r1', answer(404, { error: 'invalid_request' }))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/expired/),
    });
    expect(await loadLabRealm('r1', answer(200, { id: 1 }))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/not a realm document/),
    });
    expect(
      await loadLabRealm('r1', (async () => {
        throw new TypeError('offline');
      }) as unknown as typeof fetch),
    ).toMatchObject({ kind: 'error', message: expect.stringMatching(/network/) });
  });
});
