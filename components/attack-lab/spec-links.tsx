import type { SpecRef } from '@/machines/step-meta';

/** `(RFC 8725 §3.1, RFC 7518 §3.6)`, each a link to the exact section. */
export function SpecLinks({ specs }: { specs: readonly SpecRef[] }) {
  if (specs.length === 0) return null;
  return (
    <span className="whitespace-normal">
      (
      {specs.map((s, i) => (
        <span key={s.href}>
          {i > 0 && ', '}
          <a className="underline" href={s.href} target="_blank" rel="noreferrer">
            {s.label}
          </a>
        </span>
      ))}
      )
    </span>
  );
}
