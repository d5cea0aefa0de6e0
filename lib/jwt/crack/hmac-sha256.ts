import { IV256, compress, compressScheduled, paddedBlocks, schedule, sha256Words, wordsToBytes } from './sha256-core';

const IPAD = 0x36363636;
const OPAD = 0x5c5c5c5c;

/**
 * HMAC-SHA256 (RFC 2104 §2, FIPS 180-4) over one fixed message with many keys: the attack on an
 * HS256 JWT, whose signing input never changes while the guessed secret does.
 *
 * What is precomputed once: the message's blocks, padded as if the 64-byte inner key block came
 * first, and their whole message schedule W[t] + K[t] — the costliest part of those blocks.
 * Per key: the inner and outer key blocks (two compressions), the message blocks' 64 rounds each,
 * and the outer hash's last block. No allocation per key; keys longer than the 64-byte block are
 * hashed first (RFC 2104 §3), which allocates.
 *
 * Not constant-time, and not meant to be: it is for offline guessing, never for verifying.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2104#section-2 RFC 2104 §2
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.2 RFC 7518 §3.2 (HS256)
 */
export class FixedMessageHmacSha256 {
  /** W[t] + K[t] for each message block, 64 words per block. */
  private readonly messageSchedule: Int32Array;
  private readonly keyWords = new Int32Array(16);
  private readonly w = new Int32Array(64);
  private readonly innerState = new Int32Array(8);
  private readonly macState = new Int32Array(8);
  private readonly longKey = new Int32Array(8);

  constructor(message: Uint8Array) {
    this.messageSchedule = paddedBlocks(message, 0, message.length, 64);
    for (let off = 0; off < this.messageSchedule.length; off += 64) schedule(this.messageSchedule, off);
  }

  /**
   * The MAC of the message under the key `key[start, end)`, as 8 big-endian words in an array that
   * the next call overwrites. Compare it word by word with the expected MAC.
   */
  macWords(key: Uint8Array, start = 0, end = key.length): Int32Array {
    const kw = this.keyWords;
    const len = end - start;
    if (len > 64) {
      // RFC 2104 §3: a key longer than the block is replaced by its hash.
      sha256Words(key, start, end, this.longKey);
      kw.set(this.longKey);
      kw.fill(0, 8);
    } else {
      let i = 0;
      let p = start;
      for (; p + 4 <= end; p += 4) kw[i++] = (key[p] << 24) | (key[p + 1] << 16) | (key[p + 2] << 8) | key[p + 3];
      if (p < end) {
        let word = 0;
        for (let shift = 24; p < end; p++, shift -= 8) word |= key[p] << shift;
        kw[i++] = word;
      }
      kw.fill(0, i);
    }
    const w = this.w;
    // Inner hash: H((K ⊕ ipad) ‖ message).
    const inner = this.innerState;
    inner.set(IV256);
    for (let i = 0; i < 16; i++) w[i] = kw[i] ^ IPAD;
    compress(inner, w);
    const ms = this.messageSchedule;
    for (let off = 0; off < ms.length; off += 64) compressScheduled(inner, ms, off);
    // Outer hash: H((K ⊕ opad) ‖ inner), the inner hash being 32 bytes after a 64-byte block.
    const mac = this.macState;
    mac.set(IV256);
    for (let i = 0; i < 16; i++) w[i] = kw[i] ^ OPAD;
    compress(mac, w);
    for (let i = 0; i < 8; i++) w[i] = inner[i];
    w[8] = 0x80000000 | 0;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
    compress(mac, w);
    return mac;
  }

  /** The MAC as 32 fresh bytes (allocates; for tests and for the one key found). */
  mac(key: Uint8Array): Uint8Array {
    return wordsToBytes(this.macWords(key));
  }
}

/** One-off HMAC-SHA256 of `message` under `key` (RFC 2104); the cracker uses {@link FixedMessageHmacSha256}. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return new FixedMessageHmacSha256(message).mac(key);
}

/** A 32-byte MAC as the 8 big-endian words {@link FixedMessageHmacSha256.macWords} returns. */
export function macToWords(mac: Uint8Array): Int32Array {
  if (mac.length !== 32) throw new RangeError(`An HMAC-SHA256 MAC is 32 bytes, not ${mac.length}.`);
  const out = new Int32Array(8);
  for (let i = 0; i < 8; i++) out[i] = (mac[4 * i] << 24) | (mac[4 * i + 1] << 16) | (mac[4 * i + 2] << 8) | mac[4 * i + 3];
  return out;
}
