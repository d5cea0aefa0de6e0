'use client';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import { describeFigures } from '@/lib/attack-lab/hmac-crack';
import type { WeakHmacContext } from '@/machines/attacks/weak-hmac-secret.machine';

/** The weak-secret attack's crack step: the cracker's live figures, Cancel while it runs, Crack again after a cancel. */
export function CrackPanel({ step, context: ctx, live, send }: FlowExtrasProps) {
  if (step !== 'crack') return null;
  const context = ctx as WeakHmacContext;
  const crack = context.crack;
  const progress = crack && crack.kind !== 'not-hmac' ? crack : context.progress;
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.tried * 100) / progress.total)) : 0;
  const running = !crack && !context.error;
  return (
    <section aria-label="The secret cracker" className="space-y-2 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm">
      <h3 className="font-semibold text-rose-950">Mallory’s cracker (a Web Worker in this tab)</h3>
      {crack?.kind === 'not-hmac' ? (
        <p role="status">
          There is no HMAC secret to crack: the token is <span className="font-mono">{crack.alg}</span>, signed with the authorization
          server’s private key and verified with its public key (RFC 7518 §3.4). No guess was made.
        </p>
      ) : (
        <>
          <progress className="w-full" max={100} value={pct} aria-label="Wordlist searched" />
          <p role="status" aria-live="polite">
            {progress ? describeFigures(progress) : 'Loading the wordlist…'}
            {crack?.kind === 'found' && (
              <>
                {' '}
                — secret found: <span className="break-all font-mono font-semibold">&quot;{crack.secret}&quot;</span>
              </>
            )}
            {crack?.kind === 'not-found' && ' — the secret is not in the wordlist.'}
            {crack?.kind === 'cancelled' && ' — cancelled.'}
          </p>
        </>
      )}
      {live && running && (
        <button
          type="button"
          onClick={() => send({ type: 'user.cancelCrack' })}
          className="rounded border border-rose-800 bg-white px-3 py-2 font-semibold text-rose-900 hover:bg-rose-100"
        >
          Cancel the crack
        </button>
      )}
      {live && crack?.kind === 'cancelled' && (
        <button
          type="button"
          onClick={() => send({ type: 'user.crackAgain' })}
          className="rounded bg-rose-800 px-3 py-2 font-semibold text-white hover:bg-rose-900"
        >
          Crack again
        </button>
      )}
    </section>
  );
}
