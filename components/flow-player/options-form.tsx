'use client';
import { useState } from 'react';
import { focusKey } from './carry-focus';
import type { ClientAuthMethod } from '@/lib/oauth-client/client-auth';
import type { FlowDefinition, FlowOptions } from './flow-definition';

/** Per-flow options that teach something: the client, its authentication method, the scopes, DPoP where offered. Applying restarts the flow. */
export function OptionsForm({ def, options, onApply }: { def: FlowDefinition; options: FlowOptions; onApply: (o: FlowOptions) => void }) {
  const [draft, setDraft] = useState(options);
  const client = def.clients.find((c) => c.id === draft.client) ?? def.clients[0];
  const scopes = new Set(draft.scope.split(' ').filter(Boolean));
  const toggle = (s: string) => {
    const next = new Set(scopes);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setDraft({ ...draft, scope: def.scopes.filter((x) => next.has(x)).join(' ') });
  };
  return (
    <form
      aria-label="Flow options"
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      {/* A flex item is as wide as its content unless told otherwise: the long client label would push the page sideways on a phone. */}
      <label className="flex min-w-0 max-w-full flex-col">
        <span className="font-medium">Client</span>
        <select
          className="max-w-full rounded border border-slate-300 px-2 py-1"
          value={draft.client}
          onChange={(e) => {
            const c = def.clients.find((x) => x.id === e.target.value) ?? def.clients[0];
            setDraft({ ...draft, client: c.id, authMethod: c.methods[0] });
          }}
        >
          {def.clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col">
        <span className="font-medium">Client authentication</span>
        <select
          className="max-w-full rounded border border-slate-300 px-2 py-1"
          value={client.methods.includes(draft.authMethod) ? draft.authMethod : client.methods[0]}
          onChange={(e) => setDraft({ ...draft, authMethod: e.target.value as ClientAuthMethod })}
        >
          {client.methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex min-w-0 flex-wrap gap-2">
        <legend className="font-medium">Scopes</legend>
        {def.scopes.map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="checkbox" checked={scopes.has(s)} onChange={() => toggle(s)} />
            <span className="font-mono">{s}</span>
          </label>
        ))}
      </fieldset>
      {def.dpopOption && (
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={draft.dpop === true} onChange={(e) => setDraft({ ...draft, dpop: e.target.checked })} />
          <span>Bind the token with DPoP (RFC 9449)</span>
        </label>
      )}
      <button
        type="submit"
        {...focusKey('apply')}
        className="rounded border border-indigo-700 px-3 py-1 font-medium text-indigo-800 hover:bg-indigo-50"
      >
        Apply and restart
      </button>
    </form>
  );
}
