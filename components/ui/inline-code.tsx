import { Fragment, type ReactNode } from 'react';

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

/** Prose with its `code spans` set in monospace; long identifiers wrap instead of widening the page. */
export function InlineCode({ text }: { text: string }): ReactNode {
  return splitInlineCode(text).map((p, i) =>
    p.code ? (
      <code key={i} className="rounded bg-slate-900/5 px-1 font-mono text-[0.9em] wrap-anywhere">
        {p.text}
      </code>
    ) : (
      <Fragment key={i}>{p.text}</Fragment>
    ),
  );
}
