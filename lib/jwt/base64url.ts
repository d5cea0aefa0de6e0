import { fail, ok, type JwtWhere, type Result } from './result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/**
 * Decodes base64url without padding (RFC 7515 §2, RFC 4648 §5) and says exactly where it breaks.
 * `offset` is the part's position in the whole token so the message can name the token character.
 */
export function decodeBase64url(text: string, where: JwtWhere, offset = 0): Result<Uint8Array> {
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || LOOKUP[c] < 0) {
      const shown = c === 61 ? '"=" (padding is not allowed in JWS/JWE, RFC 7515 §2)' : JSON.stringify(text[i]);
      return fail(
        'bad_base64url',
        `The ${label(where)} is not valid base64url: character ${offset + i + 1} of the token is ${shown}.`,
        where,
      );
    }
  }
  if (len % 4 === 1) {
    return fail(
      'bad_base64url_length',
      `The ${label(where)} is not valid base64url: its length ${len} leaves one stray character at the end.`,
      where,
    );
  }
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n =
      (LOOKUP[text.charCodeAt(i)] << 18) |
      (LOOKUP[text.charCodeAt(i + 1)] << 12) |
      (LOOKUP[text.charCodeAt(i + 2)] << 6) |
      LOOKUP[text.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest === 2) {
    const n = (LOOKUP[text.charCodeAt(i)] << 18) | (LOOKUP[text.charCodeAt(i + 1)] << 12);
    out[o++] = n >> 16;
  } else if (rest === 3) {
    const n = (LOOKUP[text.charCodeAt(i)] << 18) | (LOOKUP[text.charCodeAt(i + 1)] << 12) | (LOOKUP[text.charCodeAt(i + 2)] << 6);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
  }
  return ok(out.subarray(0, o));
}

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

function label(where: JwtWhere): string {
  return where.replace('_', ' ');
}
