const PART_CLASS = ['text-jwt-header', 'text-jwt-payload', 'text-jwt-signature'];
const JWE_CLASS = ['text-jwt-header', 'text-amber-700', 'text-emerald-700', 'text-jwt-payload', 'text-jwt-signature'];
const CAP = 4000;

/** The token as pasted, each part in its colour (header / payload / signature), long parts shortened. */
export function RawToken({ parts, label = 'Encoded token' }: { parts: string[]; label?: string }) {
  const colours = parts.length === 5 ? JWE_CLASS : PART_CLASS;
  return (
    <p aria-label={label} className="break-all rounded-md border border-slate-200 bg-white p-3 font-mono text-sm leading-relaxed">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && <span className="text-slate-500">.</span>}
          <span className={colours[i] ?? 'text-slate-800'}>
            {p.length > CAP ? `${p.slice(0, CAP)}… (${p.length - CAP} more characters)` : p}
          </span>
        </span>
      ))}
    </p>
  );
}
