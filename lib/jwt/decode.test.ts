import { describe, expect, it } from 'vitest';
import jwtio from './fixtures/jwtio-default-tokens.json';
import jwe from './fixtures/rfc7520-jwe-cookbook.json';
import { decodeToken, normaliseTokenInput } from './decode';

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const hs = jwtio.vectors.HS256.token;
const [H, P, S] = hs.split('.');

function jws(token: string) {
  const d = decodeToken(token);
  if (!d.ok || d.value.kind !== 'jws') throw new Error('expected a JWS');
  return d.value;
}

describe('decodeToken', () => {
  it('strips "Bearer " and whitespace a copy-paste adds', () => {
    expect(normaliseTokenInput(`  Bearer ${H}.\n${P}.\t${S} `)).toBe(hs);
    expect(jws(`bearer ${hs}`).payload.json?.name).toBe('John Doe');
  });

  it('refuses an empty input and a token with the wrong number of parts, saying how many it has', () => {
    const empty = decodeToken('   ');
    expect(empty.ok ? '' : empty.error.code).toBe('empty');
    const four = decodeToken('a.b.c.d');
    expect(four.ok ? '' : four.error).toMatchObject({ code: 'wrong_part_count', where: 'token' });
    expect(four.ok ? '' : four.error.message).toContain('this one has 4');
    const json = decodeToken('{"payload":"e30","signature":"AA"}');
    expect(json.ok ? '' : json.error.code).toBe('json_serialization');
  });

  it('names the character position of bad base64url in the payload and keeps the header readable', () => {
    const d = jws(`${H}.${P.slice(0, 3)}!${P.slice(4)}.${S}`);
    expect(d.header.json?.alg).toBe('HS256');
    expect(d.payload.error).toMatchObject({ code: 'bad_base64url', where: 'payload' });
    expect(d.payload.error?.message).toContain(`character ${H.length + 5} of the token is "!"`);
  });

  it('calls out "=" padding explicitly (RFC 7515 §2 forbids it)', () => {
    const d = jws(`${H}=.${P}.${S}`);
    expect(d.header.error?.message).toContain('padding is not allowed');
  });

  it('keeps header and payload when only the signature is broken', () => {
    const d = jws(`${H}.${P}.%%%`);
    expect(d.header.json).toBeDefined();
    expect(d.payload.json).toBeDefined();
    expect(d.signature.error).toMatchObject({ code: 'bad_base64url', where: 'signature' });
  });

  it('tells "not JSON" from "JSON that is not an object" and from bytes that are not UTF-8', () => {
    expect(jws(`${H}.${b64('hello')}.`).payload.error?.code).toBe('not_json');
    expect(jws(`${H}.${b64('[1]')}.`).payload.error?.message).toContain('an array, not an object');
    expect(jws(`${H}.${b64('"s"')}.`).payload.error?.message).toContain('a string, not an object');
    expect(jws(`${H}.${b64('null')}.`).payload.error?.message).toContain('null, not an object');
    expect(jws(`${H}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.`).payload.error?.code).toBe('not_utf8');
    expect(jws(`${H}.A.`).payload.error?.code).toBe('bad_base64url_length');
  });

  it('labels only the exact "none" unsecured (RFC 7519 §6); "alg" is case-sensitive, so "nOnE" is not none (RFC 7515 §4.1.1)', () => {
    expect(jws(`${b64(JSON.stringify({ alg: 'none' }))}.${P}.`).unsecured).toBe(true);
    for (const alg of ['None', 'NONE', 'nOnE']) expect(jws(`${b64(JSON.stringify({ alg }))}.${P}.`).unsecured).toBe(false);
    expect(jws(hs).unsecured).toBe(false);
  });

  it('reads a five-part JWE: protected header and the byte length of each opaque part', () => {
    const token = (jwe.vectors[0].output as { compact: string }).compact;
    const d = decodeToken(token);
    if (!d.ok || d.value.kind !== 'jwe') throw new Error('expected JWE');
    expect(d.value.header.json?.alg).toBe('RSA-OAEP');
    expect(d.value.lengths.iv).toBe(12);
    expect(d.value.lengths.tag).toBe(16);
  });

  it('decodes a 1 MB token', () => {
    const big = `${H}.${b64(JSON.stringify({ blob: 'x'.repeat(780_000) }))}.${S}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(jws(big).payload.json?.blob).toHaveLength(780_000);
  });
});
