import { Fragment, type ReactNode } from 'react';
import { glossaryHref, linkParts, type LinkedPart } from '@/lib/learn/glossary-links';

export type InlinePart = { code: boolean; text: string };

/**
 * Splits prose at backtick pairs, as Markdown code spans (CommonMark §6.1) for the one case step
 * texts use: a run of text between single backticks on one line. A backtick without its pair, or
 * an empty pair, stays as written. No other Markdown is read, and nothing becomes HTML.
 */
export function splitInlineCode(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const push = (code: boolean, t: string) => {
    if (!t) return;
    const last = parts.at(-1);
    if (last && !last.code && !code) last.text += t;
    else parts.push({ code, text: t });
  };
  let rest = 0;
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    push(false, text.slice(rest, m.index));
    push(true, m[1]);
    rest = m.index + m[0].length;
  }
  push(false, text.slice(rest));
  return parts;
}

/** A glossary link in running text: a dotted underline, so a card of terms does not read as a wall of links. */
const TERM_LINK = 'underline decoration-indigo-400 decoration-dotted underline-offset-2 hover:text-indigo-800 hover:decoration-solid';

/**
 * Splits several texts shown together (a step card's explanation and notices) and links the glossary
 * terms they use: the first occurrence of each term in the whole card, never inside code.
 */
export function linkedTexts(texts: readonly string[]): LinkedPart[][] {
  const linked = new Set<string>();
  return texts.map((t) => linkParts(splitInlineCode(t), linked));
}

/**
 * Prose with its `code spans` set in monospace; long identifiers wrap instead of widening the page.
 * Given `parts` from linkedTexts, glossary terms are links to their entry (the definition as a tooltip).
 */
export function InlineCode({ text, parts }: { text: string; parts?: readonly LinkedPart[] }): ReactNode {
  return (parts ?? splitInlineCode(text)).map((p: LinkedPart, i) =>
    p.code ? (
      <code key={i} className="rounded bg-slate-900/5 px-1 font-mono text-[0.9em] wrap-anywhere">
        {p.text}
      </code>
    ) : p.term ? (
      <a key={i} href={glossaryHref(p.term.id)} title={`Glossary: ${p.term.term}. ${p.term.definition}`} className={TERM_LINK}>
        {p.text}
      </a>
    ) : (
      <Fragment key={i}>{p.text}</Fragment>
    ),
  );
}
