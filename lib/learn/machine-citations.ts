import type { AnyStateMachine } from 'xstate';
import { stepsOf } from '@/machines/read-meta';
import { citationProblem, parseLabel, SPEC_SECTIONS, textCitationProblems } from './spec-sections';

const MENTION = /\b(RFC \d+|OIDC Core|OIDC Discovery|OAuth 2\.1) §(\d+(?:\.\d+)*)/g;

/** Sections named in running text ("… (RFC 9700 §4.12)"): each must be in the table too. */
export function mentionProblems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const p = parseLabel(`${m[1]} §${m[2]}`);
    if (!p) out.push(`${m[0]} names no known document`);
    else if (!SPEC_SECTIONS[p.doc][p.section]) out.push(`${m[0]} is not in the table of sections`);
  }
  return out;
}

/**
 * Every citation problem in a machine's steps: each `specs` link and each field's `spec` text must
 * name a section of lib/learn/spec-sections.ts. Call it from a test for any machine (flows, attacks):
 * `expect(machineCitationProblems(machine)).toEqual([])`. Sections named in the step's words are held
 * to the same table.
 */
export function machineCitationProblems(machine: AnyStateMachine): string[] {
  const problems: string[] = [];
  for (const [step, meta] of Object.entries(stepsOf(machine))) {
    for (const ref of [...meta.specs, ...(meta.fix?.specs ?? [])]) {
      const p = citationProblem(ref);
      if (p) problems.push(`${machine.id}.${step}: ${p}`);
    }
    for (const text of [
      meta.title,
      meta.explanation,
      ...meta.notice,
      meta.checklist?.title ?? '',
      meta.checklist?.empty ?? '',
      meta.fix?.text ?? '',
    ]) {
      for (const p of mentionProblems(text)) problems.push(`${machine.id}.${step} (text): ${p}`);
    }
    for (const [field, f] of Object.entries(meta.fields ?? {})) {
      if (f.spec) for (const p of textCitationProblems(f.spec)) problems.push(`${machine.id}.${step}.fields.${field}: ${p}`);
    }
  }
  return problems;
}
