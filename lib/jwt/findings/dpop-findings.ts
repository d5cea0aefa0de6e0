import type { JsonObject } from '../decode';
import { type Citation, type Finding } from './types';

const rfc9449 = (section: string): Citation => ({
  label: `RFC 9449 §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc9449#section-${section}`,
});

/** RFC 9449 §4.2: a DPoP proof says so in its header. */
export function isDpopProof(header: JsonObject): boolean {
  return typeof header.typ === 'string' && header.typ.toLowerCase() === 'dpop+jwt';
}

// Members that only a private JWK has (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2; "k" of a symmetric key, §6.4.1).
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * Checks of a DPoP proof (typ "dpop+jwt"). A proof has no "exp", "iss" or "aud" by design (RFC 9449 §4.2):
 * it is bound to one request by "htm" and "htu", limited in time by "iat" and made single-use by "jti", and its
 * key travels in the "jwk" header. These checks replace the generic ones that would flag exactly that.
 * Not checked here: the signature against that key, "htm"/"htu" against the request and "ath" against the
 * access token (RFC 9449 §4.3 steps 6–12 need the request and the token, which a debugger does not have).
 */
export function dpopFindings(header: JsonObject, payload: JsonObject | undefined): Finding[] {
  const out: Finding[] = [];
  const jwk = header.jwk;
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) {
    out.push({
      id: 'dpop-no-jwk',
      severity: 'high',
      title: 'DPoP proof without a public key ("jwk")',
      detail: 'The "jwk" header carries the public key the proof is signed with; a proof without one cannot be verified.',
      cite: [rfc9449('4.2'), rfc9449('4.3')],
    });
  } else {
    const members = PRIVATE_MEMBERS.filter((m) => (jwk as JsonObject)[m] !== undefined);
    if (members.length > 0) {
      out.push({
        id: 'dpop-private-key',
        severity: 'high',
        title: `DPoP proof's "jwk" holds private key material (${members.map((m) => `"${m}"`).join(', ')})`,
        detail:
          'The header must carry the public key only: anyone who sees this proof now holds the key the token is bound to. Verifiers must reject it.',
        cite: [rfc9449('4.2'), rfc9449('4.3')],
      });
    }
  }
  if (typeof header.alg === 'string' && (header.alg === 'none' || /^HS/i.test(header.alg))) {
    out.push({
      id: 'dpop-alg',
      severity: 'high',
      title: `DPoP proof with "alg": ${JSON.stringify(header.alg)}`,
      detail: 'A DPoP proof must be signed with an asymmetric algorithm: not "none", not a MAC such as HS256.',
      cite: [rfc9449('4.2'), rfc9449('4.3')],
    });
  }
  if (!payload) return out;
  const missing = (['jti', 'htm', 'htu', 'iat'] as const).filter((c) => payload[c] === undefined);
  if (missing.length > 0) {
    out.push({
      id: 'dpop-missing-claims',
      severity: 'high',
      title: `DPoP proof without ${missing.map((c) => `"${c}"`).join(', ')}`,
      detail:
        'Every proof carries "jti" (single use), "htm" and "htu" (the request it is for) and "iat" (when it was made); a verifier must reject one that lacks any of them.',
      cite: [rfc9449('4.2'), rfc9449('4.3')],
    });
  }
  if (typeof payload.htu === 'string' && /[?#]/.test(payload.htu)) {
    out.push({
      id: 'dpop-htu-query',
      severity: 'medium',
      title: '"htu" has a query or fragment',
      detail: '"htu" is the target URI without query and fragment parts; verifiers compare it with both ignored.',
      cite: [rfc9449('4.2'), rfc9449('4.3')],
    });
  }
  return out;
}
