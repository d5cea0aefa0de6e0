'use client';
import { focusKey } from '@/components/flow-player/carry-focus';
import type { ServerMode } from '@/machines/attacks/attack-input';
import type { AttackDefinition } from './attack-definition';

export interface ServerControlProps {
  mode: ServerMode;
  variant?: string;
  variants?: AttackDefinition['variants'];
  onMode: (mode: ServerMode) => void;
  onVariant: (variant: string) => void;
}

const MODES: ReadonlyArray<{ value: ServerMode; label: string; hint: string }> = [
  { value: 'vulnerable', label: 'Vulnerable', hint: 'a lab realm with this attack’s weakness switched on' },
  { value: 'hardened', label: 'Hardened', hint: 'a lab realm with no weakness: what a correct server does' },
];

/** The **Server** switch (DESIGN.md): the same steps against a weakened or a hardened lab realm. Changing it starts a new run. */
export function ServerControl({ mode, variant, variants, onMode, onVariant }: ServerControlProps) {
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Server</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {MODES.map((m) => (
            <label
              key={m.value}
              title={m.hint}
              className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600 ${
                mode === m.value
                  ? m.value === 'vulnerable'
                    ? 'border-rose-600 bg-rose-700 text-white'
                    : 'border-emerald-700 bg-emerald-800 text-white'
                  : 'border-slate-300 bg-white text-slate-900'
              }`}
            >
              <input
                type="radio"
                name="server"
                value={m.value}
                checked={mode === m.value}
                {...focusKey(`server-${m.value}`)}
                onChange={() => onMode(m.value)}
                className="sr-only"
              />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      {variants && (variants.only === undefined || variants.only === mode) && (
        <label className="flex max-w-full flex-wrap items-center gap-x-2 gap-y-1 text-sm font-semibold text-slate-900">
          {variants.label}
          <select
            className="min-w-0 max-w-full rounded border border-slate-300 bg-white px-2 py-1 font-normal"
            value={variant ?? variants.choices[0]?.value}
            {...focusKey('variant')}
            onChange={(e) => onVariant(e.target.value)}
          >
            {variants.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
