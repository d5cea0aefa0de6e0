import { decodeJwt, type JWTPayload } from 'jose';

/**
 * A JWT's claims read without verifying it, for display and comparison only (the checklists verify
 * separately). Undefined when there is no token or it is not a readable JWT.
 */
export function unverifiedClaims(jwt: string | undefined): JWTPayload | undefined {
  if (!jwt) return undefined;
  try {
    return decodeJwt(jwt);
  } catch {
    return undefined;
  }
}
