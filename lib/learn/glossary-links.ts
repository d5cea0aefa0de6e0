import { GLOSSARY, type Term } from './glossary';

/**
 * Which words of the step texts link to which glossary entry. A string alias matches whole words
 * with its first letter in either case ("Access token" at a sentence start) and the rest exactly as
 * written, so acronyms stay case-sensitive: "AS" links, the English "as" and "As" never do. An
 * optional plural "s" is allowed. A RegExp alias is taken as written (no flags), for words that
 * are also English: `state` links only where the words around it make it the parameter, never in
 * "no shared state"; "claims" is not the verb of "the app it claims to be".
 *
 * When aliases of two terms match at the same place, the longer match wins ("public client" over
 * "client", "resource owner password credentials" over "resource owner"); at equal length the term
 * listed first wins, so more specific readings come first (the `iss` response parameter before the
 * `iss` claim).
 */
const ALIASES: Readonly<Record<string, readonly (string | RegExp)[]>> = {
  // Specific readings first: they win ties against the general ones below.
  'iss-parameter': [
    'iss parameter',
    'iss response parameter',
    'mix-up attack',
    // `iss` in a sentence about the state, the redirect or the response is the RFC 9207 parameter.
    // (The lookbehind follows `iss`, so it is tried only where `iss` stands, not at every position of the text.)
    /\biss\b(?<=\b(?:state|redirect|response)\b[^.:;]{0,80}iss)/,
    /\biss(?= with the issuer| defends)/,
  ],
  csrf: [
    'CSRF',
    'login CSRF',
    /(?<=\b(?:random|compares|checked|checks|check|Tamper with) )state\b/,
    /\b[Ss]tate(?= and iss| \(or iss\)| parameter| check| came back| first| too)/,
  ],
  ropc: ['ROPC', 'password grant', 'resource owner password credentials grant', 'resource owner password credentials'],
  'client-types': ['public client', 'confidential client'],
  'client-credentials': ['client credentials grant', 'client credentials'],
  'client-authentication': ['client authentication', 'client_secret_basic', 'client_secret_post'],
  rotation: ['refresh token rotation', 'rotation', 'rotates'],
  'user-code': ['user code', 'user_code', 'verification URI', 'verification_uri', 'verification_uri_complete', 'verification page'],
  'device-code': ['device authorization grant', 'device flow', 'device_code'],
  'access-token': ['access token', 'access_token'],
  alg: [/\balg\b/],
  'at-hash': ['at_hash'],
  aud: [/\baud\b/, 'audience'],
  'auth-time': ['auth_time'],
  'authorization-code': ['authorization code grant', 'authorization-code flow', 'authorization code'],
  'authorization-server': ['authorization server', 'AS'],
  azp: [/\bazp\b/],
  'back-channel': ['back channel', 'back-channel'],
  'bearer-token': ['bearer token'],
  claims: ['registered claim', 'public claim', 'private claim', /(?<!\b(?:it|he|she|they|who|that|which) )\b[Cc]laims?\b/],
  client: ['client'],
  'client-id': ['client_id', 'client id'],
  'code-challenge': ['code challenge', 'code_challenge', 'PKCE challenge'],
  'code-verifier': ['code verifier', 'code_verifier'],
  consent: ['consent', 'consent screen'],
  discovery: ['discovery document', 'discovery'],
  dpop: ['DPoP', 'DPoP-bound'],
  exp: [/\b(?:exp|nbf|iat)\b/, 'expiry'],
  'flowlab-checks': [/\bFlowlab-Checks\b/],
  'front-channel': ['front channel', 'front-channel'],
  'id-token': ['ID token', 'id_token'],
  implicit: ['implicit grant', 'implicit flow'],
  introspection: ['introspection'],
  iss: [/\biss\b/, 'issuer'],
  jti: [/\bjti\b/],
  jwe: ['JWE'],
  jwk: ['JWK', 'JWKS', 'JWK Set'],
  jws: ['JWS', 'Unsecured JWS'],
  jwt: ['JWT'],
  kid: [/\bkid\b/],
  nonce: [/\bnonce\b/],
  'offline-access': ['offline_access', 'offline access'],
  'opaque-token': ['opaque token'],
  pkce: ['PKCE'],
  prompt: [/\bprompt\b/],
  realm: ['realm', 'lab realm', 'demo realm'],
  'redirect-uri': ['redirect URI', 'redirect_uri'],
  'refresh-token': ['refresh token', 'refresh_token'],
  'resource-owner': ['resource owner'],
  'resource-server': ['resource server', 'RS'],
  revocation: ['revocation', 'revocation endpoint'],
  scope: ['scope'],
  sub: [/\bsub\b/],
  typ: [/\btyp\b/],
  userinfo: ['UserInfo endpoint', 'UserInfo', 'userinfo'],
  'www-authenticate': [/\bWWW-Authenticate\b/],
};

/**
 * A character beside a match that makes it part of a larger token: a word, a path (`/flows/callback`),
 * a placeholder (`{realm}`), a value (`prompt=consent`).
 */
const BEFORE = /[\p{L}\p{N}_\-/{.#=@$]/u;
const AFTER = /[\p{L}\p{N}_\-/}=@]/u;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function aliasPattern(alias: string | RegExp): RegExp {
  if (alias instanceof RegExp) return new RegExp(alias.source, 'gu');
  const first = alias[0];
  const head = first.toLowerCase() === first.toUpperCase() ? escape(first) : `[${first.toLowerCase()}${first.toUpperCase()}]`;
  return new RegExp(`${head}${escape(alias.slice(1))}s?`, 'gu');
}

interface Matcher {
  term: Term;
  rank: number;
  pattern: RegExp;
  /** Text every match contains: a text without it is not searched (most of ~140 patterns occur in no given text). */
  hint?: string;
}

/**
 * What a match of `alias` must contain, as written: a string alias's letters after the first (whose case may
 * differ); a RegExp's leading plain word (`\biss\b(?<=…)`) or trailing one (`(?<=…)state\b`); else none (always searched).
 */
function aliasHint(alias: string | RegExp): string | undefined {
  if (typeof alias === 'string') return alias.slice(1) || undefined;
  const source = alias.source;
  return (/^\\b([\w-]+)\\b/.exec(source) ?? /(?:^|\)|\\b)([\w-]+)\\b$/.exec(source))?.[1];
}

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));

export const MATCHERS: readonly Matcher[] = Object.entries(ALIASES).flatMap(([id, aliases], rank) => {
  const term = BY_ID.get(id);
  if (!term) return [];
  return aliases.map((a) => ({ term, rank, pattern: aliasPattern(a), hint: aliasHint(a) }));
});

/** Ids the alias table names that the glossary lacks (a test keeps this empty). */
export function unknownAliasIds(): string[] {
  return Object.keys(ALIASES).filter((id) => !BY_ID.has(id));
}

/** Glossary terms no alias links (a test lists them, so a new term is not silently unlinkable). */
export function unlinkedTerms(): string[] {
  return GLOSSARY.filter((t) => !ALIASES[t.id]?.length).map((t) => t.id);
}

export interface TermMatch {
  start: number;
  end: number;
  term: Term;
}

/**
 * Where glossary terms occur in one run of plain text (never code): the first occurrence of each term
 * whose id is not yet in `linked`, as whole words. `linked` is the card's memory: the ids returned are
 * added to it, so a card links each term once. A span whose best reading is a term already linked is
 * skipped rather than linked to a weaker reading.
 */
export function findTermLinks(text: string, linked: Set<string>): TermMatch[] {
  const candidates: (TermMatch & { rank: number })[] = [];
  for (const { term, rank, pattern, hint } of MATCHERS) {
    if (hint !== undefined && !text.includes(hint)) continue;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (BEFORE.test(text[start - 1] ?? '') || AFTER.test(text[end] ?? '')) continue;
      candidates.push({ start, end, term, rank });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const out: TermMatch[] = [];
  let taken = 0;
  for (const c of candidates) {
    if (c.start < taken) continue;
    taken = c.end;
    if (linked.has(c.term.id)) continue;
    linked.add(c.term.id);
    out.push({ start: c.start, end: c.end, term: c.term });
  }
  return out;
}

export const glossaryHref = (id: string) => `/learn/glossary#${id}`;

/** A run of a step text: code (never linked), plain text, or a glossary term linked to its entry. */
export interface LinkedPart {
  code: boolean;
  text: string;
  term?: Term;
}

/**
 * Links the glossary terms of one text already split at its code spans. Only plain runs are read;
 * `linked` carries what earlier texts of the same card linked, so each term links once per card.
 */
export function linkParts(parts: readonly { code: boolean; text: string }[], linked: Set<string>): LinkedPart[] {
  return parts.flatMap((p): LinkedPart[] => {
    if (p.code) return [p];
    const out: LinkedPart[] = [];
    let at = 0;
    for (const m of findTermLinks(p.text, linked)) {
      if (m.start > at) out.push({ code: false, text: p.text.slice(at, m.start) });
      out.push({ code: false, text: p.text.slice(m.start, m.end), term: m.term });
      at = m.end;
    }
    if (at < p.text.length) out.push({ code: false, text: p.text.slice(at) });
    return out;
  });
}
