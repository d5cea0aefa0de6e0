import { spellsNone } from '../algorithms';
import type { JsonObject } from '../decode';
import { CITE, type Finding } from './types';

/**
 * Checks on the JOSE header alone (RFC 8725 §2 threats, §3 practices). `keyInHeaderExpected`: a DPoP proof, whose
 * "jwk" header is required (RFC 9449 §4.2), so it is not flagged as a sender-chosen key.
 */
export function headerFindings(
  header: JsonObject,
  payload: JsonObject | undefined,
  opts: { keyInHeaderExpected?: boolean } = {},
): Finding[] {
  const out: Finding[] = [];
  const alg = header.alg;
  if (alg === 'none') {
    out.push({
      id: 'alg-none',
      severity: 'high',
      title: 'Unsecured token: "alg": "none"',
      detail: 'Anyone can forge this token. Verifiers must reject "none" unless the application explicitly expects unsecured tokens.',
      cite: [CITE.rfc7518('3.6'), CITE.bcp225('3.1'), CITE.owasp],
    });
  } else if (spellsNone(alg)) {
    // RFC 7515 §4.1.1: "alg" is case-sensitive, so this is not "none" but an unknown algorithm.
    out.push({
      id: 'alg-none-variant',
      severity: 'high',
      title: `Unknown algorithm "${alg}": a "none" bypass attempt`,
      detail: `Algorithm names are case-sensitive, so "${alg}" is not "none" but an unknown algorithm that a verifier must reject. Re-spelling "none" targets verifiers that compare names case-insensitively or block only the exact "none".`,
      cite: [CITE.rfc7515('4.1.1'), CITE.rfc7518('3.6'), CITE.bcp225('3.1')],
    });
  }
  for (const member of ['jwk', 'jku', 'x5u', 'x5c'] as const) {
    if (header[member] === undefined || (member === 'jwk' && opts.keyInHeaderExpected)) continue;
    const fetches = member === 'jku' || member === 'x5u';
    out.push({
      id: `header-${member}`,
      severity: 'high',
      title: `Header carries "${member}": key chosen by the sender`,
      detail: fetches
        ? `A verifier that fetches "${member}" lets an attacker supply the key (and makes your server send requests for them). Only use allow-listed URLs; this debugger never fetches it.`
        : `A key inside the token is chosen by whoever made the token. Verifying against it proves nothing unless the key is matched against a trusted one.`,
      cite: [CITE.bcp225('3.10'), CITE.owasp],
    });
  }
  const kid = header.kid;
  if (kid !== undefined) {
    if (typeof kid !== 'string') {
      out.push({
        id: 'kid-not-string',
        severity: 'medium',
        title: '"kid" is not a string',
        detail: 'RFC 7515 §4.1.4 says "kid" is a string; a verifier may mis-handle other types.',
        cite: [CITE.rfc7515('4.1.4')],
      });
    } else if (/\.\.|[/\\\0]/.test(kid)) {
      out.push({
        id: 'kid-path',
        severity: 'high',
        title: '"kid" contains path characters',
        detail: `"kid" = ${JSON.stringify(kid)}. Used as a file path or in a query it allows path traversal or injection (e.g. kid="../../dev/null" signs with an empty key). Treat "kid" as untrusted input.`,
        cite: [CITE.bcp225('3.10'), CITE.owasp],
      });
    } else {
      out.push({
        id: 'kid-present',
        severity: 'info',
        title: '"kid" selects the key',
        detail: 'Fine when it only picks from a fixed key set; never use it as a path, URL or SQL value.',
        cite: [CITE.bcp225('3.10')],
      });
    }
  }
  if (header.crit !== undefined) {
    out.push({
      id: 'crit',
      severity: 'medium',
      title: '"crit" header present',
      detail: `The verifier must understand every listed extension (${JSON.stringify(header.crit)}) or reject the token.`,
      cite: [CITE.rfc7515('4.1.11')],
    });
  }
  if (header.b64 === false) {
    out.push({
      id: 'b64-false',
      severity: 'medium',
      title: '"b64": false (unencoded payload)',
      detail:
        'RFC 7797: the payload is signed as raw bytes. Verifiers that ignore this header check the wrong input; "b64" must also be listed in "crit".',
      cite: [{ label: 'RFC 7797 §6', href: 'https://www.rfc-editor.org/rfc/rfc7797#section-6' }],
    });
  }
  if (header.zip !== undefined) {
    out.push({
      id: 'zip',
      severity: 'medium',
      title: `Compressed before encryption ("zip": ${JSON.stringify(header.zip)})`,
      detail: 'Compression before encryption can leak secrets through ciphertext length; decompression can also be a zip bomb.',
      cite: [CITE.bcp225('3.6')],
    });
  }
  out.push(...typFindings(header, payload));
  return out;
}

/** RFC 8725 §3.11 explicit typing, RFC 9068 §2.1 "at+jwt". */
function typFindings(header: JsonObject, payload: JsonObject | undefined): Finding[] {
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  const looksAccess = !!payload && (payload.client_id !== undefined || payload.scope !== undefined) && payload.nonce === undefined;
  const looksId = !!payload && (payload.nonce !== undefined || payload.at_hash !== undefined || payload.azp !== undefined);
  if (looksAccess && typ !== 'at+jwt' && typ !== 'application/at+jwt') {
    return [
      {
        id: 'typ-mismatch',
        severity: 'medium',
        title: `Access token without "typ": "at+jwt" (has ${JSON.stringify(header.typ ?? null)})`,
        detail: 'RFC 9068 access tokens must say "at+jwt" so they cannot be confused with ID tokens or other JWTs.',
        cite: [CITE.rfc9068('2.1'), CITE.bcp225('3.11')],
      },
    ];
  }
  if (looksId && (typ === 'at+jwt' || typ === 'application/at+jwt')) {
    return [
      {
        id: 'typ-mismatch',
        severity: 'medium',
        title: 'ID-token claims in a token typed "at+jwt"',
        detail: 'The token type and its claims disagree; a verifier must check "typ" for the kind of token it expects.',
        cite: [CITE.bcp225('3.11')],
      },
    ];
  }
  return [];
}
