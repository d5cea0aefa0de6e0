import { describe, expect, it } from 'vitest';
import jwtio from '../fixtures/jwtio-default-tokens.json';
import { keyTextKind, pemOrJwk } from './key-text';

describe('keyTextKind', () => {
  it.each([
    [jwtio.vectors.ES256.public_key_pem, 'pem'],
    [`  \n${jwtio.vectors.RS256.public_key_pem}`, 'pem'],
    ['{"kty":"EC"}', 'json'],
    ['  {"keys":[]}', 'json'],
    ['', 'empty'],
    ['my-secret', 'other'],
  ])('%j is %s', (text, kind) => {
    expect(keyTextKind(text)).toBe(kind);
  });

  it('reads text by what it is, and by the field it was given in when it is neither', () => {
    expect(pemOrJwk('jwk', jwtio.vectors.ES256.public_key_pem)).toBe('pem');
    expect(pemOrJwk('pem', '{"kty":"EC"}')).toBe('jwk');
    expect(pemOrJwk('jwk', 'junk')).toBe('jwk');
  });
});
