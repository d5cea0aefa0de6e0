/**
 * The SHA-256 compression function (FIPS 180-4 §6.2.2) on 32-bit words, written for the HS256
 * cracker: callers keep the message schedule in their own reused Int32Array, so nothing is
 * allocated per block. Words are big-endian (FIPS 180-4 §3.1) and held as signed int32.
 *
 * @see https://csrc.nist.gov/pubs/fips/180-4/upd1/final FIPS 180-4 §4.2.2 (constants), §5.3.3 (IV), §6.2 (SHA-256)
 */

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
export const K256 = Int32Array.of(
  0x428a2f98,
  0x71374491,
  0xb5c0fbcf,
  0xe9b5dba5,
  0x3956c25b,
  0x59f111f1,
  0x923f82a4,
  0xab1c5ed5,
  0xd807aa98,
  0x12835b01,
  0x243185be,
  0x550c7dc3,
  0x72be5d74,
  0x80deb1fe,
  0x9bdc06a7,
  0xc19bf174,
  0xe49b69c1,
  0xefbe4786,
  0x0fc19dc6,
  0x240ca1cc,
  0x2de92c6f,
  0x4a7484aa,
  0x5cb0a9dc,
  0x76f988da,
  0x983e5152,
  0xa831c66d,
  0xb00327c8,
  0xbf597fc7,
  0xc6e00bf3,
  0xd5a79147,
  0x06ca6351,
  0x14292967,
  0x27b70a85,
  0x2e1b2138,
  0x4d2c6dfc,
  0x53380d13,
  0x650a7354,
  0x766a0abb,
  0x81c2c92e,
  0x92722c85,
  0xa2bfe8a1,
  0xa81a664b,
  0xc24b8b70,
  0xc76c51a3,
  0xd192e819,
  0xd6990624,
  0xf40e3585,
  0x106aa070,
  0x19a4c116,
  0x1e376c08,
  0x2748774c,
  0x34b0bcb5,
  0x391c0cb3,
  0x4ed8aa4a,
  0x5b9cca4f,
  0x682e6ff3,
  0x748f82ee,
  0x78a5636f,
  0x84c87814,
  0x8cc70208,
  0x90befffa,
  0xa4506ceb,
  0xbef9a3f7,
  0xc67178f2,
);

/** FIPS 180-4 §5.3.3: the initial hash value H(0). */
export const IV256 = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);

/**
 * FIPS 180-4 §6.2.2 step 1, plus K: turns the 16 words in `w[off..off+16)` into the 64 values
 * W[t] + K[t] in `w[off..off+64)`. A block whose words never change (the JWT's signing input)
 * is scheduled once and then only run through {@link compressScheduled}.
 */
export function schedule(w: Int32Array, off = 0): void {
  for (let t = off + 16; t < off + 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }
  for (let t = off; t < off + 64; t++) w[t] = (w[t] + K256[t - off]) | 0;
}

/** FIPS 180-4 §6.2.2 steps 2–4: the 64 rounds over an already scheduled block (W[t] + K[t]), into `state`. */
export function compressScheduled(state: Int32Array, wk: Int32Array, off = 0): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  // Eight rounds per pass with the roles of a…h rotated in the source, so no variable is shuffled.
  for (let t = off; t < off + 64; t += 8) {
    h = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + wk[t + 0]) | 0;
    d = (d + h) | 0;
    h = (h + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
    g = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + wk[t + 1]) | 0;
    c = (c + g) | 0;
    g = (g + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) | (b & (h | a)))) | 0;
    f = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + wk[t + 2]) | 0;
    b = (b + f) | 0;
    f = (f + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) | (a & (g | h)))) | 0;
    e = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + wk[t + 3]) | 0;
    a = (a + e) | 0;
    e = (e + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) | (h & (f | g)))) | 0;
    d = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + wk[t + 4]) | 0;
    h = (h + d) | 0;
    d = (d + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) | (g & (e | f)))) | 0;
    c = (c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + wk[t + 5]) | 0;
    g = (g + c) | 0;
    c = (c + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) | (f & (d | e)))) | 0;
    b = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + wk[t + 6]) | 0;
    f = (f + b) | 0;
    b = (b + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) | (e & (c | d)))) | 0;
    a = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + wk[t + 7]) | 0;
    e = (e + a) | 0;
    a = (a + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) | (d & (b | c)))) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/** Schedules and compresses the 16 words in `w[0..16)`; `w` must have 64 slots and is overwritten. */
export function compress(state: Int32Array, w: Int32Array): void {
  schedule(w, 0);
  compressScheduled(state, w, 0);
}

/**
 * Pads `bytes[start, end)` as if `prefixBytes` bytes had been hashed before it (FIPS 180-4 §5.1.1)
 * and returns its blocks as big-endian words, 16 per block (64 slots each, ready for {@link schedule}).
 */
export function paddedBlocks(bytes: Uint8Array, start: number, end: number, prefixBytes: number): Int32Array {
  const len = end - start;
  const blocks = Math.ceil((len + 9) / 64);
  const out = new Int32Array(blocks * 64);
  const wordAt = (block: number, i: number) => block * 64 + i;
  for (let i = 0; i < len; i++) {
    const block = i >> 6;
    const inBlock = i & 63;
    out[wordAt(block, inBlock >> 2)] |= bytes[start + i] << (24 - 8 * (inBlock & 3));
  }
  const last = len & 63;
  out[wordAt(len >> 6, last >> 2)] |= 0x80 << (24 - 8 * (last & 3));
  const bits = (prefixBytes + len) * 8;
  out[wordAt(blocks - 1, 14)] = Math.floor(bits / 0x100000000) | 0;
  out[wordAt(blocks - 1, 15)] = bits | 0;
  return out;
}

/** SHA-256 of `bytes[start, end)` into `out` (8 words). Allocates its padded copy: not for hot loops. */
export function sha256Words(bytes: Uint8Array, start: number, end: number, out: Int32Array): Int32Array {
  const blocks = paddedBlocks(bytes, start, end, 0);
  out.set(IV256);
  for (let off = 0; off < blocks.length; off += 64) {
    schedule(blocks, off);
    compressScheduled(out, blocks, off);
  }
  return out;
}

/** Big-endian words to bytes (FIPS 180-4 §3.1). */
export function wordsToBytes(words: Int32Array, length = words.length * 4): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = words[i >> 2] >>> (24 - 8 * (i & 3));
  return out;
}

/** SHA-256 of the bytes (FIPS 180-4 §6.2), as 32 bytes. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return wordsToBytes(sha256Words(bytes, 0, bytes.length, new Int32Array(8)));
}
