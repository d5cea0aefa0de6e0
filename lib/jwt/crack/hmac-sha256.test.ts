import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rfc4231 from './fixtures/rfc4231-hmac-sha256.json';
import { FixedMessageHmacSha256, hmacSha256, macToWords } from './hmac-sha256';
import { sha256 } from './sha256-core';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));
const nodeHmac = (key: Uint8Array, msg: Uint8Array) => new Uint8Array(createHmac('sha256', key).update(msg).digest());

describe('HMAC-SHA256 against RFC 4231', () => {
  it.each(rfc4231.vectors)('$name gives the published MAC', (v) => {
    const mac = hex(hmacSha256(fromHex(v.key), fromHex(v.data)));
    expect(mac.slice(0, v.mac.length)).toBe(v.mac);
  });
});

describe('HMAC-SHA256 against node:crypto', () => {
  it('agrees on random keys (0–200 bytes, longer than a block included) and messages (0–300 bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (key, msg) => {
        expect(hex(hmacSha256(key, msg))).toBe(hex(nodeHmac(key, msg)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the right MAC for every key when one instance is reused, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 1, maxLength: 20 }),
        (msg, keys) => {
          const h = new FixedMessageHmacSha256(msg);
          for (const key of keys) expect(hex(h.mac(key))).toBe(hex(nodeHmac(key, msg)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads the key from a range of a larger buffer, as the cracker does with a wordlist', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), fc.uint8Array({ maxLength: 120 }), fc.nat(), fc.nat(), (msg, buf, x, y) => {
        const start = buf.length ? x % (buf.length + 1) : 0;
        const end = start + (buf.length - start ? y % (buf.length - start + 1) : 0);
        const words = new FixedMessageHmacSha256(msg).macWords(buf, start, end);
        expect(Array.from(words)).toEqual(Array.from(macToWords(nodeHmac(buf.subarray(start, end), msg))));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes around the padding boundaries (55, 56, 63, 64, 65 bytes) like node:crypto', () => {
    for (const n of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7 + 3) & 255);
      expect(hex(sha256(bytes)), `SHA-256 of ${n} bytes`).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(hex(hmacSha256(bytes, bytes)), `HMAC with ${n}-byte key and message`).toBe(hex(nodeHmac(bytes, bytes)));
    }
  });
});

describe('macToWords', () => {
  it('refuses a MAC that is not 32 bytes', () => {
    expect(() => macToWords(new Uint8Array(48))).toThrow(RangeError);
  });
});
