import type { TimeVerdict } from '@/lib/jwt/time';

const STYLE: Record<TimeVerdict['status'], string> = {
  valid: 'bg-emerald-100 text-emerald-900 border-emerald-300',
  expired: 'bg-red-100 text-red-900 border-red-300',
  'not-yet-valid': 'bg-amber-100 text-amber-900 border-amber-300',
  'no-expiry': 'bg-amber-100 text-amber-900 border-amber-300',
  'invalid-claim': 'bg-red-100 text-red-900 border-red-300',
};
const WORD: Record<TimeVerdict['status'], string> = {
  // About time only: a forged or unsigned token can be "in date" too, so the badge never says just "Valid".
  valid: 'Not expired',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  'no-expiry': 'No expiry',
  'invalid-claim': 'Bad time claim',
};

export function TimeBadge({ verdict }: { verdict: TimeVerdict }) {
  return (
    <p className={`inline-flex items-center gap-2 rounded-md border px-2 py-1 text-sm ${STYLE[verdict.status]}`} data-testid="time-status">
      {/* The word is one unit: inside the inspector (wrap-anywhere) it would otherwise break as "Vali / d" on a phone. */}
      <strong className="whitespace-nowrap">{WORD[verdict.status]}</strong>
      <span>{verdict.message}</span>
    </p>
  );
}
