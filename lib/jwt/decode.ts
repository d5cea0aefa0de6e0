import { decodeBase64url } from './base64url';
import { fail, ok, type JwtError, type JwtWhere, type Result } from './result';

export type JsonObject = Record<string, unknown>;

/** One decoded segment: JSON when it parses to an object, otherwise the error and (if UTF-8) the text. */
export interface JsonPart {
  raw: string;
  json?: JsonObject;
  text?: string;
  error?: JwtError;
}

export interface DecodedJws {
  kind: 'jws';
  /** The exact string that was signed over is `parts[0] + '.' + parts[1]` — never re-serialised (RFC 7515 §5.2). */
  token: string;
  parts: [string, string, string];
  header: JsonPart;
  payload: JsonPart;
  signature: { raw: string; bytes?: Uint8Array; error?: JwtError };
  unsecured: boolean;
}

export interface DecodedJwe {
  kind: 'jwe';
  token: string;
  parts: [string, string, string, string, string];
  header: JsonPart;
  /** Byte lengths of the opaque parts (RFC 7516 §7.1), or their decode error. */
  lengths: { encrypted_key: number | JwtError; iv: number | JwtError; ciphertext: number | JwtError; tag: number | JwtError };
}

export type DecodedToken = DecodedJws | DecodedJwe;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strips a leading `Bearer ` (RFC 6750 §2.1) and all whitespace a copy-paste may add. */
export function normaliseTokenInput(input: string): string {
  return input
    .trim()
    .replace(/^bearer\s+/i, '')
    .replace(/\s+/g, '');
}

/**
 * Decodes a compact JWS (RFC 7515 §7.1) or JWE (RFC 7516 §7.1) part by part, without verifying it.
 * Never throws: a broken part carries its own error and does not hide the readable ones.
 */
export function decodeToken(input: string): Result<DecodedToken> {
  if (typeof input !== 'string') return fail('not_a_string', 'The token must be text.', 'token');
  const token = normaliseTokenInput(input);
  if (token === '') return fail('empty', 'Paste a token to decode it.', 'token');
  if (token.startsWith('{')) {
    return fail(
      'json_serialization',
      'This looks like a JWS/JWE JSON serialization (RFC 7515 §7.2); the debugger reads compact tokens (xxx.yyy.zzz). Paste the compact form instead.',
      'token',
    );
  }
  const parts = token.split('.');
  const starts: number[] = [];
  let pos = 0;
  for (const p of parts) {
    starts.push(pos);
    pos += p.length + 1;
  }
  if (parts.length === 3) {
    const [h, p, s] = parts as [string, string, string];
    const header = decodeJsonPart(h, 'header', starts[0]);
    const payload = decodeJsonPart(p, 'payload', starts[1]);
    const sig = s === '' ? ok(new Uint8Array()) : decodeBase64url(s, 'signature', starts[2]);
    const alg = header.json?.alg;
    return ok({
      kind: 'jws',
      token,
      parts: [h, p, s],
      header,
      payload,
      signature: sig.ok ? { raw: s, bytes: sig.value } : { raw: s, error: sig.error },
      // RFC 7515 §4.1.1: names are case-sensitive, so only "none" is unsecured; "nOnE" is an unknown algorithm.
      unsecured: alg === 'none',
    });
  }
  if (parts.length === 5) {
    const ps = parts as [string, string, string, string, string];
    const header = decodeJsonPart(ps[0], 'header', starts[0]);
    const len = (i: number, where: JwtWhere): number | JwtError => {
      const r = decodeBase64url(ps[i], where, starts[i]);
      return r.ok ? r.value.length : r.error;
    };
    return ok({
      kind: 'jwe',
      token,
      parts: ps,
      header,
      lengths: { encrypted_key: len(1, 'encrypted_key'), iv: len(2, 'iv'), ciphertext: len(3, 'ciphertext'), tag: len(4, 'tag') },
    });
  }
  return fail(
    'wrong_part_count',
    `A compact JWT has 3 parts (JWS, RFC 7515 §7.1) or 5 parts (JWE, RFC 7516 §7.1) separated by dots; this one has ${parts.length}.`,
    'token',
  );
}

/** Decodes one base64url segment that should hold a JSON object (RFC 7519 §7.2 steps 2–4). */
export function decodeJsonPart(raw: string, where: JwtWhere, offset = 0): JsonPart {
  const name = where === 'header' ? 'header' : 'payload';
  if (raw === '') return { raw, error: { code: 'empty_part', message: `The ${name} part is empty.`, where } };
  const bytes = decodeBase64url(raw, where, offset);
  if (!bytes.ok) return { raw, error: bytes.error };
  let text: string;
  try {
    text = utf8.decode(bytes.value);
  } catch {
    return { raw, error: { code: 'not_utf8', message: `The ${name} decodes to bytes that are not UTF-8 text.`, where } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : 'syntax error';
    return { raw, text, error: { code: 'not_json', message: `The ${name} is not JSON (${why}).`, where } };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    return { raw, text, error: { code: 'not_object', message: `The ${name} is JSON but ${kind}, not an object (RFC 7519 §7.2).`, where } };
  }
  return { raw, text, json: parsed as JsonObject };
}
