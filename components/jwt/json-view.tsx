'use client';
import { useState } from 'react';

const CAP = 20_000;

/**
 * `name` is the region's accessible name when several tokens share a page (landmarks must be unique).
 * Pretty JSON in a bordered box coloured by part; very large JSON is cut until "Show all" is pressed. */
export function JsonView({
  value,
  title,
  tone,
  level = 2,
  name,
}: {
  value: unknown;
  title: string;
  tone: 'header' | 'payload';
  level?: 2 | 3;
  name?: string;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  const [all, setAll] = useState(false);
  const text = JSON.stringify(value, null, 2) ?? '';
  const long = text.length > CAP;
  const shown = long && !all ? text.slice(0, CAP) : text;
  const border = tone === 'header' ? 'border-jwt-header' : 'border-jwt-payload';
  return (
    <section aria-label={name ?? title} className={`rounded-md border-l-4 ${border} bg-white shadow-sm`}>
      <H
        className={`px-3 pt-2 text-xs font-semibold uppercase tracking-wide ${tone === 'header' ? 'text-jwt-header' : 'text-jwt-payload'}`}
      >
        {title}
      </H>
      <pre tabIndex={0} className="max-h-[32rem] overflow-auto px-3 pb-3 pt-1 font-mono text-sm text-slate-800">
        {shown}
        {long && !all ? '\n…' : ''}
      </pre>
      {long && (
        <button
          type="button"
          onClick={() => setAll((v) => !v)}
          className="m-2 rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100"
        >
          {all ? 'Show less' : `Show all (${Math.round(text.length / 1024)} KB)`}
        </button>
      )}
    </section>
  );
}
