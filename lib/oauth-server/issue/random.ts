import { randomFillSync } from 'node:crypto';

/**
 * Random bytes are drawn from the CSPRNG 4 KB at a time and handed out in slices, each slice once
 * (as Node's own randomUUID does): one call into OpenSSL per ~250 identifiers instead of one each,
 * which was a few per cent of a client_credentials token request (a `jti` and a grant id apiece).
 * The bytes are the same CSPRNG output either way; none is ever given out twice.
 */
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/** 32 random bytes, base64url: opaque tokens and identifiers (RFC 6749 §10.10: ≥128 bits of entropy). */
export function opaqueToken(bytes = 32): string {
  if (bytes > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(bytes)).toString('base64url');
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + bytes);
  // Overwrite what was handed out, so that the pool never holds a live token's bytes.
  pool.fill(0, used, used + bytes);
  used += bytes;
  return token;
}
