import { DPoPProofError, readProofHeader, verifyProof, type VerifiedProof } from '../../dpop/verify-proof';
import { invalidGrant } from '../errors';
import type { Realm } from '../../realms/types';

/**
 * RFC 9449 §5: a token request that carries a `DPoP` header gets its proof checked (§4.3) with
 * `htm` = POST and `htu` = this realm's token endpoint; a valid proof binds what is issued to its
 * key. Without the header the request is a plain one (Bearer tokens). Called after client
 * authentication, so only a caller that got that far spends a `jti` entry in the store.
 */
export async function tokenRequestProof(request: Request, realm: Realm): Promise<VerifiedProof | undefined> {
  const proof = readProofHeader(request.headers);
  if (proof === undefined) return undefined;
  return verifyProof(proof, realm, { method: 'POST', url: `${realm.issuer}/token` });
}

/**
 * RFC 9449 §5: "refresh tokens issued to public clients … MUST be bound to the DPoP public key"
 * — so refreshing one needs a proof made with that very key. Checked before the token is spent, so
 * a thief holding only the refresh token cannot burn it. (Confidential clients' refresh tokens are
 * bound by client authentication instead, §5.)
 */
export function checkRefreshTokenBinding(boundJkt: string | undefined, proof: VerifiedProof | undefined): void {
  if (boundJkt === undefined) return;
  if (!proof)
    throw new DPoPProofError('key-binding', 'This refresh token is bound to a DPoP key: send a DPoP proof made with it (RFC 9449 §5).');
  if (proof.jkt !== boundJkt)
    throw invalidGrant('This refresh token is bound to another DPoP key than the one that signed the proof (RFC 9449 §5).');
}
