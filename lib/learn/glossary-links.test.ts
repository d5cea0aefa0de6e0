import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';
import { findTermLinks, glossaryHref, linkParts, MATCHERS, unknownAliasIds, unlinkedTerms } from './glossary-links';

/** The links one text gets, as `words→id`, in order. */
const links = (text: string, linked = new Set<string>()) =>
  findTermLinks(text, linked).map((m) => `${text.slice(m.start, m.end)}→${m.term.id}`);

describe('glossary links in step texts', () => {
  it.each([
    ['an acronym', 'The AS stores the challenge.', ['AS→authorization-server']],
    ['a term at a sentence start, and its plural', 'Access tokens go to the API.', ['Access tokens→access-token']],
    ['the longer of two terms at the same place', 'A public client has no secret.', ['public client→client-types']],
    [
      'ROPC before "resource owner"',
      'the resource owner password credentials grant MUST NOT be used',
      ['resource owner password credentials grant→ropc'],
    ],
    [
      'a parameter name as one word',
      'The AS checks client_id and redirect_uri first.',
      ['AS→authorization-server', 'client_id→client-id', 'redirect_uri→redirect-uri'],
    ],
    ['the state parameter beside iss', 'plus the state and iss parameters.', ['state→csrf', 'iss parameters→iss-parameter']],
    ['state the client compares', 'The client compares state with the value it stored', ['client→client', 'state→csrf']],
    ['iss of a redirect, then the issuer claim', 'The state (or iss) in the response', ['state→csrf', 'iss→iss-parameter']],
    ['a JWT header parameter', 'Its hash follows the ID token’s alg: SHA-256 for ES256', ['ID token→id-token', 'alg→alg']],
    ['DPoP joined to a word by a hyphen', 'A DPoP-bound token needs a proof.', ['DPoP-bound→dpop']],
    ['WWW-Authenticate as written', 'The RS answers with WWW-Authenticate.', ['RS→resource-server', 'WWW-Authenticate→www-authenticate']],
    ['claims, the noun', 'reads the user’s claims (name, email)', ['claims→claims']],
    ['a term between quotes and brackets', 'the attack “Implicit grant: tokens” (see DPoP)', ['Implicit grant→implicit', 'DPoP→dpop']],
  ])('links %s', (_name, text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it.each([
    ['the English "as" and "As"', 'As the TV is a device, it works as a client would.', ['client→client']],
    ['"state" as an English word', 'no round trip, no shared state, it scales', []],
    ['"stateful"', 'That is a stateful check.', []],
    ['"claims" the verb', 'whether the app is the one it claims to be', []],
    ['a term inside a longer word', 'RS256 and RSA keys; clientele; PKCEish', []],
    ['a term inside a weakness name', 'the weakness as-implicit-grant-allowed', []],
    ['a placeholder or a path', 'her site /attacker/{realm}/cb and /flows/client', []],
    ['a value after "="', 'the client also sends prompt=consent and grant_type=refresh_token', ['client→client']],
    ['a lower-case acronym', 'a jwt or an as or pkce', []],
    ['an acronym spelt otherwise', 'Jwt and Dpop', []],
    ['"opaque" alone', 'it is an opaque hint', []],
    ['"verifier" alone (a JWT verifier is not a PKCE verifier)', 'A verifier that lower-cases the header', []],
  ])('does not link %s', (_name, text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it('links each term once per card: a term linked in an earlier text of the card is not linked again', () => {
    const card = new Set<string>();
    expect(links('The AS signs the access token.', card)).toEqual(['AS→authorization-server', 'access token→access-token']);
    expect(links('The AS keeps a note; the access token expires; PKCE.', card)).toEqual(['PKCE→pkce']);
    expect([...card]).toEqual(['authorization-server', 'access-token', 'pkce']);
  });

  it('skips a span whose term is already linked instead of linking a weaker reading of it', () => {
    // "public client" is linked once; the second one must not fall back to "client".
    expect(links('A public client, then another public client.')).toEqual(['public client→client-types']);
  });

  it('never links inside code, and keeps the text whole', () => {
    const parts = linkParts(
      [
        { code: false, text: 'The client sends ' },
        { code: true, text: 'PKCE client_id' },
        { code: false, text: ' and PKCE.' },
      ],
      new Set(),
    );
    expect(parts.map((p) => p.text).join('')).toBe('The client sends PKCE client_id and PKCE.');
    expect(parts.filter((p) => p.term).map((p) => `${p.text}→${p.term!.id}`)).toEqual(['client→client', 'PKCE→pkce']);
    expect(parts.find((p) => p.code)).toEqual({ code: true, text: 'PKCE client_id' });
  });

  it('names only glossary terms, and links every term but the few no step text names by a word of its own', () => {
    expect(unknownAliasIds()).toEqual([]);
    expect(unlinkedTerms()).toEqual([]);
    for (const t of GLOSSARY) expect(glossaryHref(t.id)).toBe(`/learn/glossary#${t.id}`);
  });

  // The claim `iss` and the response parameter `iss` are two terms: each is linked once.
  it('reads a long text without a sentence break (the context look-behind is bounded) and links each term once', () => {
    const text = `${'iss '.repeat(20_000)}${'state and iss '.repeat(2000)}`;
    expect(links(text)).toEqual(['iss→iss', 'state→csrf', 'iss→iss-parameter']);
  });

  it('skips a text by its hint only when the pattern cannot match there: every match contains its hint', () => {
    // The glossary's own names and definitions, and sentences of the shapes the context patterns look for.
    const corpus = [
      ...GLOSSARY.flatMap((t) => [t.term, t.definition]),
      'The random state came back with the state parameter, and the state check passed.',
      'The response carries state and iss; the iss with the issuer defends against mix-up.',
      'Tamper with state, then compare: the client compares state.',
      'Its exp, nbf and iat claims; the kid, alg, typ, sub, aud, azp, jti, nonce and prompt; Flowlab-Checks and WWW-Authenticate.',
    ].join('\n');
    let withHint = 0;
    for (const { pattern, hint } of MATCHERS) {
      if (hint === undefined) continue;
      withHint++;
      pattern.lastIndex = 0;
      for (const m of corpus.matchAll(pattern)) expect(m[0], pattern.source).toContain(hint);
    }
    // Every string alias has one, and so do the RegExps that begin or end with a plain word.
    expect(withHint).toBeGreaterThan(MATCHERS.length - 8);
  });
});
