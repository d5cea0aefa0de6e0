import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: opaque tokens and identifiers (RFC 6749 §10.10: ≥128 bits of entropy). */
export function opaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
