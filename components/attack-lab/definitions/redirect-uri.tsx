'use client';
import { CopyButton } from '@/components/flow-player/copy-button';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import { redirectUriMachine, type RedirectUriContext } from '@/machines/attacks/redirect-uri.machine';
import { isRedirectVariant, REDIRECT_VARIANTS, redirectVariantWeaknesses } from '@/machines/attacks/redirect-uri.mallory';
import type { AttackDefinition } from '../attack-definition';

/** The link Mallory crafted, and the hand-off to the real AS pages where the learner plays Alice. */
function RedirectUriExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as RedirectUriContext;
  if (step === 'craft' && context.link) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">Mallory’s link</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.link.url}</p>
      </div>
    );
  }
  if (step === 'aliceOpensLink' && context.link) {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>
          You are Alice: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>{' '}
          <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
        </p>
        <p>The sign-in and consent pages belong to the authorization server. Sign in, press Allow, and watch where the browser lands.</p>
        {live && (
          <button
            type="button"
            onClick={goToAuthorizationServer}
            className="rounded bg-indigo-700 px-3 py-2 font-semibold text-white hover:bg-indigo-800"
          >
            Open Mallory’s link as Alice
          </button>
        )}
      </div>
    );
  }
  return null;
}

export const redirectUri: AttackDefinition = {
  machine: redirectUriMachine,
  actors: ['user', 'browser', 'attacker', 'as', 'rs'],
  vulnerable: { weaknesses: [REDIRECT_VARIANTS.prefix.weakness] },
  vulnerableFor: (variant) => ({ weaknesses: redirectVariantWeaknesses(isRedirectVariant(variant) ? variant : 'prefix') }),
  variants: { label: 'Loose matching', choices: Object.entries(REDIRECT_VARIANTS).map(([value, v]) => ({ value, label: v.label })) },
  Extras: RedirectUriExtras,
  attackerConsole: true,
};
