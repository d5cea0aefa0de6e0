import type { FoundToken } from './types';

/** Token-bearing fields by name, with the label a learner knows them by (RFC 6749 §5.1, OIDC Core §3.1.3.3, RFC 8628 §3.2). */
const FIELD_LABELS: Record<string, string> = {
  access_token: 'access token',
  id_token: 'ID token',
  refresh_token: 'refresh token',
  code: 'authorization code',
  device_code: 'device code',
  user_code: 'user code',
  code_verifier: 'code verifier',
  code_challenge: 'code challenge',
  token: 'token',
  logout_token: 'logout token',
};

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Classifies a token string: three dot-separated parts is a JWS, five a JWE (RFC 7516 §7.1), else opaque. */
export function tokenKind(value: string): FoundToken['kind'] {
  if (JWE.test(value)) return 'jwe';
  if (JWS.test(value)) return 'jwt';
  return 'opaque';
}

function fromPairs(pairs: Iterable<[string, unknown]>, where: string): FoundToken[] {
  const found: FoundToken[] = [];
  for (const [key, value] of pairs) {
    const label = FIELD_LABELS[key];
    if (label && typeof value === 'string' && value) found.push({ where: `${where}.${key}`, label, kind: tokenKind(value), value });
  }
  return found;
}

/** Tokens in a URL's query and fragment, e.g. `code` in the redirect back to the client (RFC 6749 §4.1.2). */
export function tokensInUrl(url: string, where: string): FoundToken[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const fragment = new URLSearchParams(parsed.hash.replace(/^#/, ''));
  return [...fromPairs(parsed.searchParams.entries(), `${where}.query`), ...fromPairs(fragment.entries(), `${where}.fragment`)];
}

/** Tokens in a body: JSON object fields or form fields. */
export function tokensInBody(body: string | undefined, where: string): FoundToken[] {
  if (!body) return [];
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      if (json && typeof json === 'object' && !Array.isArray(json)) return fromPairs(Object.entries(json), where);
    } catch {
      return [];
    }
    return [];
  }
  if (/^[\w.%+-]+=/.test(trimmed)) return fromPairs(new URLSearchParams(trimmed).entries(), where);
  return [];
}

/**
 * A bearer token in the Authorization header (RFC 6750 §2.1), and a DPoP proof JWT in the `DPoP`
 * header (RFC 9449 §4.1), so the inspector decodes the proof too. Basic credentials are not tokens.
 */
export function tokensInHeaders(headers: Record<string, string>, where: string): FoundToken[] {
  const header = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const found: FoundToken[] = [];
  const auth = header('authorization');
  const match = auth ? /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(auth) : null;
  if (match) found.push({ where: `${where}.authorization`, label: 'access token', kind: tokenKind(match[1]), value: match[1] });
  const proof = header('dpop')?.trim();
  if (proof) found.push({ where: `${where}.dpop`, label: DPOP_PROOF_LABEL, kind: tokenKind(proof), value: proof });
  return found;
}

/** The label of a DPoP proof among the tokens an exchange carries. */
export const DPOP_PROOF_LABEL = 'DPoP proof';
