import { describe, expect, it } from 'vitest';
import jwtio from '@/lib/jwt/fixtures/jwtio-default-tokens.json';
import { draftMaterial, EMPTY_DRAFT, formFor, unusedKeyNote } from './key-draft';

const pem = jwtio.vectors.ES256.public_key_pem;

describe('key form', () => {
  it('follows the token: HS* asks for a secret, a key-pair algorithm for a public key', () => {
    expect(formFor(EMPTY_DRAFT, 'secret')).toBe('secret');
    expect(formFor(EMPTY_DRAFT, 'key-pair')).toBe('public');
    expect(formFor(EMPTY_DRAFT, undefined)).toBe('secret');
  });

  it('keeps the form the learner picked until a token of the other family arrives', () => {
    const draft = { ...EMPTY_DRAFT, chosen: { form: 'url' as const, family: 'key-pair' as const } };
    expect(formFor(draft, 'key-pair')).toBe('url');
    expect(formFor(draft, 'secret')).toBe('secret');
  });

  it('never reuses a secret as a public key (or the reverse), and says the other box is unused', () => {
    const draft = { ...EMPTY_DRAFT, secret: 'a-secret' };
    expect(draftMaterial(draft, 'public')).toEqual({});
    expect(unusedKeyNote(draft, 'public', 'RS256')).toMatch(/shared secret you typed is kept but not used: "RS256"/);
    expect(draftMaterial({ ...EMPTY_DRAFT, publicText: pem }, 'secret')).toEqual({});
    expect(unusedKeyNote({ ...EMPTY_DRAFT, publicText: pem }, 'secret', 'HS256')).toMatch(/public key you gave is kept but not used/);
    expect(unusedKeyNote(draft, 'secret', 'HS256')).toBeUndefined();
  });

  it('reads the public box as PEM or JWK by its content, and shares only that box', () => {
    expect(draftMaterial({ ...EMPTY_DRAFT, publicText: pem }, 'public')).toEqual({ m: { kind: 'pem', text: pem }, shareable: pem });
    expect(draftMaterial({ ...EMPTY_DRAFT, publicText: '{"kty":"EC"}' }, 'public').m).toEqual({ kind: 'jwk', text: '{"kty":"EC"}' });
    expect(draftMaterial({ ...EMPTY_DRAFT, secret: 's' }, 'secret')).toEqual({ m: { kind: 'secret', text: 's', encoding: 'utf8' } });
  });
});
