import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';
import { parseLabel, SPEC_SECTIONS } from './spec-sections';

describe('glossary', () => {
  it('gives every term a unique anchor id', () => {
    const ids = GLOSSARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('cites only sections in the table, and every term but the app’s own cites one', () => {
    const problems: string[] = [];
    for (const t of GLOSSARY) {
      if (t.specs.length === 0 && !/this app/i.test(t.definition)) problems.push(`${t.id} cites nothing`);
      for (const s of t.specs) {
        const p = parseLabel(s);
        if (!p || !SPEC_SECTIONS[p.doc][p.section]) problems.push(`${t.id}: ${s}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('explains the terms the step texts and the debugger lean on', () => {
    const ids = new Set(GLOSSARY.map((t) => t.id));
    for (const id of [
      'pkce',
      'code-verifier',
      'csrf',
      'nonce',
      'at-hash',
      'id-token',
      'access-token',
      'refresh-token',
      'introspection',
      'revocation',
      'dpop',
      'discovery',
      'alg',
      'claims',
      'user-code',
      'rotation',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});
