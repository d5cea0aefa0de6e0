import { HARDENED_POINTS } from '../../realms/policy-points';
import type { Realm } from '../../realms/types';
import { verifyAccessToken as verify, type VerifiedAccessToken } from '../../resource-server/verify-access-token';
import { OAuthError } from '../errors';

export type VerifyResult = { ok: true; token: VerifiedAccessToken } | { ok: false; reason: string; error: OAuthError };

/**
 * The AS's view of one of its access tokens (introspection, revocation, userinfo), through the one
 * verifier the RS uses. The AS knows its own records, so whether a token is live is always asked
 * of them, whatever a lab realm's RS skips. Never throws; says why it refused.
 */
export async function verifyOwnAccessToken(realm: Realm, token: string): Promise<VerifyResult> {
  try {
    const points = { ...realm.points, 'rs.revocation': HARDENED_POINTS['rs.revocation'] };
    return { ok: true, token: await verify(token, realm, { points, toleranceSeconds: 0 }) };
  } catch (err) {
    if (err instanceof OAuthError) return { ok: false, reason: err.message, error: err };
    throw err;
  }
}
