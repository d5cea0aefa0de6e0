import { describe, expect, it } from 'vitest';
import { FLOWS } from '@/components/flow-player/flow-registry';
import { loadFlow } from '@/components/flow-player/flow-loaders';
import { oidc, rfc } from '@/machines/step-meta';
import { machineCitationProblems } from './machine-citations';
import { cite, citationProblem, textCitationProblems } from './spec-sections';

describe('table of cited sections', () => {
  it('accepts the step helpers’ links for known sections and refuses unknown ones', () => {
    expect(citationProblem(rfc(7636, '4.1'))).toBeUndefined();
    expect(citationProblem(oidc('12.2', 'RefreshTokenResponse'))).toBeUndefined();
    expect(citationProblem(rfc(7636, '9.9'))).toMatch(/not in the table/);
    expect(citationProblem(oidc('12.2', 'Wrong'))).toMatch(/links to/);
    expect(citationProblem({ label: 'see the spec', href: 'https://example.com' })).toMatch(/not of the form/);
  });

  it('reads field citations that reuse the document named before them', () => {
    expect(textCitationProblems('OIDC Core §3.1.2.1, §11')).toEqual([]);
    expect(textCitationProblems('OIDC Core §3.1.3.7 (11)')).toEqual([]);
    expect(textCitationProblems('RFC 6749 §99')).toHaveLength(1);
    expect(textCitationProblems('somewhere in RFC 6749')).toHaveLength(1);
  });

  it('throws for a section it does not know, so a page citing one fails its build', () => {
    expect(cite('RFC 6749', '4.1').href).toBe('https://www.rfc-editor.org/rfc/rfc6749#section-4.1');
    expect(() => cite('RFC 6749', '42')).toThrow(/not in lib\/learn\/spec-sections.ts/);
  });
});

describe('every flow machine cites only known sections', () => {
  // The registry of the flow player: a flow registered there is checked here without a change to this test.
  it.each(FLOWS.map((f) => [f.slug, f] as const))('%s', async (_slug, flow) => {
    const { machine } = await loadFlow(flow.slug)!;
    expect(machineCitationProblems(machine)).toEqual([]);
  });
});

describe('sections named in running text', () => {
  it('finds each "RFC n §x" in a sentence and refuses one the table lacks', async () => {
    const { mentionProblems } = await import('./machine-citations');
    expect(mentionProblems('a 307 would re-POST the form (RFC 9700 §4.12), see OIDC Core §12.2')).toEqual([]);
    expect(mentionProblems('as RFC 9700 §99.1 says')).toEqual(['RFC 9700 §99.1 is not in the table of sections']);
  });
});
