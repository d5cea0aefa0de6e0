import { describe, expect, it } from 'vitest';
import { tokensInHeaders } from './find-tokens';

describe('tokensInHeaders and DPoP (RFC 9449 §4.1)', () => {
  it('finds the DPoP proof JWT in the DPoP header beside the access token of Authorization: DPoP', () => {
    const found = tokensInHeaders({ Authorization: 'DPoP a.b.c', DPoP: 'h.p.s' }, 'request.headers');
    expect(found.map((t) => [t.label, t.kind, t.where, t.value])).toEqual([
      ['access token', 'jwt', 'request.headers.authorization', 'a.b.c'],
      ['DPoP proof', 'jwt', 'request.headers.dpop', 'h.p.s'],
    ]);
  });

  it('shows a malformed proof as opaque and ignores an empty header', () => {
    expect(tokensInHeaders({ dpop: 'not-a-jwt' }, 'h')).toEqual([
      { where: 'h.dpop', label: 'DPoP proof', kind: 'opaque', value: 'not-a-jwt' },
    ]);
    expect(tokensInHeaders({ dpop: '  ' }, 'h')).toEqual([]);
  });
});
