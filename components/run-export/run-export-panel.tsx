'use client';
import { useId, useMemo, useState } from 'react';
import { version } from '@/package.json';
import { runToHar } from '@/lib/run-export/har';
import { runToMermaid } from '@/lib/run-export/mermaid';
import { type ExportableRun, fileStem, forExport } from './exportable-run';

const btn = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The whole run for slides and DevTools: every exchange as a Mermaid sequence diagram (copy or download)
 * and as a HAR 1.2 file (DevTools → Network → Import HAR). Its own chunk (loaded lazily by the player).
 */
export default function RunExportPanel({ run }: { run: ExportableRun }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const data = useMemo(() => forExport(run, typeof document === 'undefined' ? run.runKey : document.title || run.runKey), [run]);
  const mermaid = useMemo(() => runToMermaid(data), [data]);
  const stem = fileStem(run.runKey);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(mermaid);
      setStatus('Mermaid text copied.');
    } catch {
      setStatus('The browser refused the clipboard: select the text above and copy it.');
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        Export this run
      </h2>
      <p className="text-sm text-slate-800">
        {data.exchanges.length} HTTP {data.exchanges.length === 1 ? 'exchange' : 'exchanges'} so far, in order: as a Mermaid sequence
        diagram for slides (paste it into mermaid.live or a Markdown file), and as a HAR file for the browser’s DevTools (Network → Import
        HAR). The HAR has the durations the player measured, not clock times, and nothing is redacted: the demo credentials and tokens are
        in it as sent.
      </p>
      <label htmlFor={`${id}-mermaid`} className="block text-sm font-medium text-slate-900">
        Mermaid sequence diagram
      </label>
      <textarea
        id={`${id}-mermaid`}
        readOnly
        value={mermaid}
        rows={10}
        spellCheck={false}
        className="w-full rounded border border-slate-300 p-2 font-mono text-xs text-slate-900"
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={btn} onClick={() => void copy()}>
          Copy Mermaid text
        </button>
        <button type="button" className={btn} onClick={() => download(`${stem}.mmd`, 'text/plain;charset=utf-8', mermaid)}>
          Download Mermaid (.mmd)
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => download(`${stem}.har`, 'application/json', JSON.stringify(runToHar(data, new Date(), version), null, 2))}
        >
          Download HAR
        </button>
        <span role="status" className="text-sm text-slate-700">
          {status}
        </span>
      </div>
    </section>
  );
}
