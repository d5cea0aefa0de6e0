'use client';
import { useState } from 'react';
import { spentRefreshToken, type RefreshTokenContext } from '@/machines/refresh-token.machine';
import { AuthCodeExtras } from './auth-code-extras';
import type { FlowExtrasProps } from './flow-definition';
import { TokenCompare, type TokenGeneration } from './token-compare';

const PROLOGUE_PANELS = new Set(['makeVerifier', 'buildUrl', 'redirectToAs', 'callbackReceived']);

/** The token sets the client received, labelled by refresh-token number and the step that brought them. */
function generations(context: RefreshTokenContext): Array<TokenGeneration & { step: string }> {
  return context.issued.map((i, n) => ({
    step: i.step,
    label: `#${n + 1} (step ${context.trail.lastIndexOf(i.step) + 1})`,
    tokens: i.tokens,
  }));
}

/** Step-specific panels of the refresh-token flow: the sign-in prologue's, old-vs-new comparisons, the replay buttons. */
export function RefreshTokenExtras(props: FlowExtrasProps) {
  const { step, live, send } = props;
  const context = props.context as RefreshTokenContext;
  if (PROLOGUE_PANELS.has(step)) return <AuthCodeExtras {...props} />;
  // What the client knew at this step: a review of an earlier step does not show later tokens.
  const here = context.trail.lastIndexOf(step);
  const gens = generations(context).filter((g) => context.trail.lastIndexOf(g.step) <= here);
  const at = gens.findIndex((g) => g.step === step);
  if ((step === 'refresh1' || step === 'refresh2') && at > 0) return <TokenCompare before={gens[at - 1]} after={gens[at]} />;
  const replayedAt = context.trail.indexOf('replaySpent');
  const familyRevokedAt =
    replayedAt >= 0 && replayedAt <= here && context.exchanges.some((e) => e.step === 'replaySpent') ? replayedAt + 1 : undefined;
  if (step === 'tokenRequest' || step === 'done') return <Family gens={gens} revokedAt={familyRevokedAt} />;
  if (step === 'replaySpent' || step === 'tryCurrent') {
    const token = step === 'replaySpent' ? spentRefreshToken(context) : context.tokens?.refresh_token;
    const which = step === 'replaySpent' ? '#1, spent at the first refresh' : `#${gens.length}, the current one`;
    const sent = context.exchanges.some((e) => e.step === step);
    const facts = Object.fromEntries((context.facts[step] ?? []).map((f) => [f.label, f.value]));
    return (
      <div className="space-y-2 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm">
        <p>
          Refresh token {which}: <span className="break-all font-mono text-xs">{token}</span>
        </p>
        {!sent && live && (
          <PresentButton key={step} onPress={() => send({ type: step === 'replaySpent' ? 'user.replaySpent' : 'user.tryCurrent' })}>
            {step === 'replaySpent' ? 'Replay the spent refresh token' : 'Try the current refresh token'}
          </PresentButton>
        )}
        {sent && facts.error && (
          <p role="status" className="rounded bg-white p-2 text-rose-950">
            The AS refused it with HTTP {facts['HTTP status']} <span className="font-mono font-semibold">{facts.error}</span>
            {facts.error_description ? `: ${facts.error_description}` : ''}
          </p>
        )}
      </div>
    );
  }
  return null;
}

/** One press only: the request goes out once, and the button disappears when the answer is in. */
function PresentButton({ onPress, children }: { onPress: () => void; children: string }) {
  const [pressed, setPressed] = useState(false);
  return (
    <button
      type="button"
      disabled={pressed}
      onClick={() => {
        setPressed(true);
        onPress();
      }}
      className="rounded bg-rose-800 px-3 py-2 font-semibold text-white hover:bg-rose-900 disabled:opacity-60"
    >
      {children}
    </button>
  );
}

/** The refresh tokens of this grant, as the client saw them: each one spent by the next refresh. */
function Family({ gens, revokedAt }: { gens: TokenGeneration[]; revokedAt?: number }) {
  if (gens.length === 0) return null;
  return (
    <section aria-label="The refresh-token family" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h3 className="font-semibold text-slate-900">The refresh-token family</h3>
      <ol className="mt-2 space-y-1">
        {gens.map((g, n) => (
          <li key={g.label}>
            <span className="font-medium">{g.label}</span>{' '}
            <span className="break-all font-mono text-xs">{g.tokens.refresh_token ?? '(no refresh token)'}</span>{' '}
            <span className="text-slate-700">
              —{' '}
              {revokedAt
                ? `revoked with the family at step ${revokedAt}`
                : n < gens.length - 1
                  ? `spent by the refresh that issued #${n + 2}`
                  : 'current'}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
