import { describe, expect, it } from 'vitest';
import jwtio from './fixtures/jwtio-default-tokens.json';
import { buildShareHash, isShareablePublicKey, parseShareHash } from './share';

const es = jwtio.vectors.ES256;

describe('share links', () => {
  it('round-trips a token and a public key through the fragment', () => {
    const hash = buildShareHash(es.token, es.public_key_pem);
    expect(hash.startsWith('#')).toBe(true);
    expect(parseShareHash(hash)).toEqual({ token: es.token, key: es.public_key_pem });
  });

  it('never carries a secret, a private PEM or a private JWK', () => {
    for (const k of [es.private_key_pem, JSON.stringify(es.jwk), JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }), 'my secret']) {
      expect(isShareablePublicKey(k)).toBe(false);
      expect(buildShareHash(es.token, k)).not.toContain('key=');
    }
    const { d: _d, ...pub } = es.jwk;
    void _d;
    expect(isShareablePublicKey(JSON.stringify({ keys: [pub] }))).toBe(true);
  });

  it('drops a private key smuggled into a hand-made link', () => {
    expect(parseShareHash(`#token=a.b.c&key=${encodeURIComponent(es.private_key_pem)}`).key).toBeUndefined();
  });
});
