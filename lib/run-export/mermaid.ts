import type { Exchange } from '@/lib/http-trace/types';
import { nameOf } from './participants';
import { type RunForExport, stepNumber } from './run';

/**
 * A whole run as a Mermaid sequence diagram (https://mermaid.js.org/syntax/sequenceDiagram.html): one
 * arrow per recorded request, a dashed one per response the page saw (a note under a navigation, whose answer it
 * does not see), and a note where each step begins.
 *
 * The text is the grammar's, not HTML: every label goes through {@link mermaidText}, so nothing a server
 * answered (a URL, an error description) can end a statement or open a new one. The unit test parses the
 * output with Mermaid's own parser.
 */

/** Left to right; an actor not listed goes last. */
const ORDER = ['user', 'browser', 'device', 'client', 'attacker', 'as', 'rs'];

/** Longest label kept; the rest is cut with an ellipsis (long authorization URLs). */
const MAX_LABEL = 100;

/**
 * A label Mermaid shows as it is: line breaks become spaces, and the characters the grammar reads
 * (`;` ends a statement, `#` starts an entity, `<` `>` open HTML) are written as Mermaid entity codes
 * (`#59;`), which it renders as the character itself. A colon may stay: only a message's first one is syntax.
 */
export function mermaidText(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[#;<>]/g, (c) => `#${c.charCodeAt(0)};`) || ' ';
}

/** A request as one arrow's label: method, path and query (the origin is the same for every party of the lab). */
function requestLabel(e: Exchange): string {
  try {
    const u = new URL(e.request.url);
    return `${e.request.method} ${u.pathname}${u.search}`;
  } catch {
    return `${e.request.method} ${e.request.url}`;
  }
}

function responseLabel(e: Exchange): string | undefined {
  const r = e.response;
  if (!r) return undefined;
  const location = r.headers.location ?? r.headers.Location;
  if (location) return `${r.status} → ${location}`;
  const type = (r.headers['content-type'] ?? '').split(';')[0].trim();
  return `${r.status}${type ? ` ${type}` : ''}${e.channel === 'back' ? ` (${r.ms} ms)` : ''}`;
}

/** Under a front-channel request with no recorded answer. */
export const NAVIGATION_NOTE = 'a navigation: the answer went to the browser, not recorded by the run';

export function runToMermaid(run: RunForExport): string {
  const lines = ['sequenceDiagram', `  title ${mermaidText(`Flowlab: ${run.title}`)}`];
  // The parties that speak, left to right as the flow diagram places them (people, then the client, then the servers).
  const seen: string[] = [];
  for (const e of run.exchanges) for (const a of [e.from, e.to]) if (!seen.includes(a)) seen.push(a);
  const place = (a: string) => (ORDER.indexOf(a) + ORDER.length + 1) % (ORDER.length + 1);
  seen.sort((a, b) => place(a) - place(b));
  for (const a of seen) {
    const p = nameOf(run.names, a);
    lines.push(p.label === p.id ? `  participant ${p.id}` : `  participant ${p.id} as ${mermaidText(p.label)}`);
  }
  let current: string | undefined;
  for (const e of run.exchanges) {
    const from = nameOf(run.names, e.from).id;
    const to = nameOf(run.names, e.to).id;
    const step = stepNumber(run, e.step);
    const stepKey = step?.name ?? e.step;
    if (stepKey !== current) {
      current = stepKey;
      const title = run.stepTitles[stepKey] ?? stepKey;
      const over = from === to ? from : `${from},${to}`;
      lines.push(`  Note over ${over}: ${mermaidText(step ? `${step.n}. ${title}` : title)}`);
    }
    lines.push(`  ${from}->>${to}: ${mermaidText(`${e.channel === 'front' ? '(browser) ' : ''}${requestLabel(e)}`)}`);
    const answer = responseLabel(e);
    if (answer) lines.push(`  ${to}-->>${from}: ${mermaidText(answer)}`);
    // A navigation's answer (the AS's sign-in page, its redirect back) goes to the browser, not to the page that records
    // the run: it is not drawn as if it had been seen, and the note says why the arrow has no reply.
    else if (e.channel === 'front') lines.push(`  Note over ${to}: ${mermaidText(NAVIGATION_NOTE)}`);
  }
  if (run.exchanges.length === 0)
    lines.push(`  Note over ${nameOf(run.names, 'client').id}: No HTTP exchange was recorded in this run yet`);
  return `${lines.join('\n')}\n`;
}
