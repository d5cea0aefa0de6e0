import { describe, expect, it } from 'vitest';
import { HARDENED_POINTS } from '../policy-points';
import { ignoreQueryMatch, pathPrefixMatch, prefixMatch, substringMatch, wildcardSubdomainMatch } from './redirect-uri-matching';

const R = 'http://localhost:3000/flows/callback';
const MODES = {
  exact: HARDENED_POINTS['as.redirect-uri'],
  prefix: prefixMatch,
  substring: substringMatch,
  wildcard: wildcardSubdomainMatch,
  path: pathPrefixMatch,
  query: ignoreQueryMatch,
};
type Mode = keyof typeof MODES;

/** Registered URI × presented URI × mode → accepted? (RFC 9700 §4.1.3; only `exact` is safe.) */
const TABLE: Array<[string, string, Mode[]]> = [
  ['identical', R, ['exact', 'prefix', 'substring', 'wildcard', 'path', 'query']],
  ['a longer last segment', `${R}evil`, ['prefix', 'substring']],
  ['dot segments out of the path', `${R}/../../attacker/x/cb`, ['prefix', 'substring', 'path']],
  ['a trailing slash', `${R}/`, ['prefix', 'substring', 'path']],
  ['the registered URI inside a query', `http://localhost:3000/attacker/x?u=${R}`, ['substring']],
  ['a subdomain', 'http://mallory.localhost:3000/flows/callback', ['wildcard']],
  ['an extra query parameter', `${R}?next=/attacker/x`, ['prefix', 'substring', 'query']],
  ['upper-case scheme and host', 'HTTP://LOCALHOST:3000/flows/callback', ['wildcard']],
  ['a percent-encoded letter', 'http://localhost:3000/flows/%63allback', []],
  ['userinfo before the host (@)', 'http://localhost:3000@evil.example/flows/callback', []],
  ['@ after the path', `${R}@evil.example`, ['prefix', 'substring']],
  ['another port', 'http://localhost:3001/flows/callback', []],
  ['a fragment', `${R}#x`, ['prefix', 'substring', 'wildcard']],
  ['another scheme', 'https://localhost:3000/flows/callback', []],
  ['empty', '', []],
  ['another scheme around it', `javascript:alert(1)//${R}`, ['substring']],
  ['an upper-case path', 'http://localhost:3000/flows/Callback', []],
  // WHATWG URL parsing (what browsers do) treats %2e%2e as a dot segment: the browser lands on /attacker/x/cb.
  ['percent-encoded dot segments', `${R}/%2e%2e/%2e%2e/attacker/x/cb`, ['prefix', 'substring', 'path']],
  // The wildcard comparison parses first, so a path that normalises to the registered one passes.
  ['dot segments that normalise to the registered path', 'http://localhost:3000/flows/x/../callback', ['wildcard']],
  ['an extra query and a fragment', `${R}?a=1#x`, ['prefix', 'substring']],
  ['userinfo naming another host before the registered host', 'http://evil.example@localhost:3000/flows/callback', []],
  ['a subdomain on another port', 'http://mallory.localhost:3001/flows/callback', []],
];

describe('redirect-URI matching modes', () => {
  it.each(TABLE)('%s', (_label, presented, accepted) => {
    for (const mode of Object.keys(MODES) as Mode[]) {
      expect(MODES[mode](R, presented), `${mode}: ${presented}`).toBe(accepted.includes(mode));
    }
  });
});
