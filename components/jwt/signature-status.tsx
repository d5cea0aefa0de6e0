import type { Result } from '@/lib/jwt/result';
import type { VerifyOutcome } from '@/lib/jwt/verify';

export type VerifyState = { state: 'idle'; note?: string } | { state: 'checking' } | { state: 'done'; result: Result<VerifyOutcome> };

/** The signature verdict in words; an expired token with a valid signature shows both (see TimeBadge). */
export function SignatureStatus({ verify }: { verify: VerifyState }) {
  if (verify.state === 'idle') {
    return (
      <p className="rounded-md border border-slate-300 bg-slate-100 px-2 py-1 text-sm text-slate-800" data-testid="signature-status">
        Signature not checked{verify.note ? `: ${verify.note}` : '.'}
      </p>
    );
  }
  if (verify.state === 'checking')
    return (
      <p className="px-2 py-1 text-sm text-slate-700" data-testid="signature-status">
        Checking signature…
      </p>
    );
  const r = verify.result;
  if (r.ok) {
    const cls = r.value.untrusted ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-emerald-300 bg-emerald-50 text-emerald-950';
    return (
      <p role="status" className={`rounded-md border px-2 py-1 text-sm [overflow-wrap:anywhere] ${cls}`} data-testid="signature-status">
        <strong>Signature verified</strong> ({r.value.alg}) with {r.value.keyUsed}.
        {r.value.untrusted &&
          ' This key came from the token itself, so this proves nothing: anyone can sign with their own key (RFC 8725 §3.10).'}
      </p>
    );
  }
  return (
    <p
      role="status"
      className="rounded-md border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-950"
      data-testid="signature-status"
      data-code={r.error.code}
    >
      <strong>Signature not verified:</strong> {r.error.message}
    </p>
  );
}
