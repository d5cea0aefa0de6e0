// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mermaidText, NAVIGATION_NOTE, runToMermaid } from './mermaid';
import { PARTICIPANTS, participantsFor } from './participants';
import { AUTH_CODE_RUN } from './run-fixture';

/** Mermaid's own parser (the grammar the renderer uses), run under jsdom. */
async function parse(text: string) {
  const { default: mermaid } = await import('mermaid');
  return mermaid.parse(text);
}

describe('runToMermaid', () => {
  it('writes a sequence diagram that Mermaid’s parser accepts', async () => {
    const text = runToMermaid(AUTH_CODE_RUN);
    await expect(parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
  });

  it('has one arrow per request and a dashed one per response the page saw, with the diagram’s names for the parties', () => {
    const text = runToMermaid(AUTH_CODE_RUN);
    const requests = text.split('\n').filter((l) => /^\s+\w+->>\w+:/.test(l));
    const responses = text.split('\n').filter((l) => /^\s+\w+-->>\w+:/.test(l));
    expect(requests).toHaveLength(AUTH_CODE_RUN.exchanges.length);
    expect(responses).toHaveLength(AUTH_CODE_RUN.exchanges.filter((e) => e.response).length);
    expect(text).toContain('participant AuthServer as Authorization Server');
    expect(text).toContain('participant ResourceServer as Resource Server');
    expect(text).toContain('  Client->>AuthServer: POST /as/demo/token');
    expect(text).toContain('  AuthServer-->>Client: 200 application/json (30 ms)');
    expect(text).toContain('  Browser->>AuthServer: (browser) GET /as/demo/authorize?response_type=code');
    // A navigation's answer is the browser's, unseen by the run: a note says so, no reply is invented.
    const navigations = AUTH_CODE_RUN.exchanges.filter((e) => e.channel === 'front' && !e.response);
    expect(navigations.length).toBeGreaterThan(0);
    expect(text.split('\n').filter((l) => l.endsWith(NAVIGATION_NOTE))).toHaveLength(navigations.length);
  });

  it('numbers each step’s note as the step list does', () => {
    const text = runToMermaid(AUTH_CODE_RUN);
    expect(text).toContain('Note over Client,AuthServer: 1. Discover the authorization server');
    expect(text).toContain('Note over Client,AuthServer: 7. Redeem the code with the verifier');
    expect(text).toContain('Note over Client,ResourceServer: 9. Call the API');
  });

  it('keeps a hostile server answer inside its label: a new line, `;` or `#` cannot start a statement', async () => {
    const hostile = {
      ...AUTH_CODE_RUN,
      exchanges: [
        {
          ...AUTH_CODE_RUN.exchanges[0],
          response: { status: 302, headers: { location: 'http://x/;\nNote over Client: pwned #1 <script>end' }, ms: 1 },
        },
      ],
    };
    const text = runToMermaid(hostile);
    expect(text).not.toContain('\nNote over Client: pwned');
    expect(text).not.toContain('<script>');
    expect(text.split('\n').filter((l) => l.includes('pwned'))).toHaveLength(1);
    await expect(parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
  });

  it('names the client the TV where the diagram does (the device flow)', async () => {
    const text = runToMermaid({ ...AUTH_CODE_RUN, names: participantsFor(['user', 'phone', 'tv', 'as', 'rs']) });
    expect(text).toContain('  TV->>AuthServer: POST /as/demo/token');
    expect(text).not.toMatch(/participant Client\b/);
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('still parses for a run with no exchange yet, and for an actor it does not know', async () => {
    await expect(parse(runToMermaid({ ...AUTH_CODE_RUN, exchanges: [] }))).resolves.toBeTruthy();
    const odd = { ...AUTH_CODE_RUN.exchanges[0], from: 'end opt' as never };
    const text = runToMermaid({ ...AUTH_CODE_RUN, names: PARTICIPANTS, exchanges: [odd] });
    expect(text).toContain('participant P_end_opt as end opt');
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('rejects what Mermaid rejects: the parser is a real check, not a formality', async () => {
    await expect(parse('sequenceDiagram\n  Client->>: no target\n')).rejects.toThrow(/Parse error/);
  });
});

describe('mermaidText', () => {
  it('writes the grammar’s characters as entity codes and flattens line breaks', () => {
    expect(mermaidText('a;b#c<d>e\nf')).toBe('a#59;b#35;c#60;d#62;e f');
  });
  it('cuts a long label with an ellipsis', () => {
    expect(mermaidText('x'.repeat(500))).toHaveLength(100);
  });
});
