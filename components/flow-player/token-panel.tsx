'use client';
import { memo } from 'react';
import { JwtInspector } from '@/components/jwt/jwt-inspector';
import { DPOP_PROOF_LABEL } from '@/lib/http-trace/find-tokens';
import type { Exchange, FoundToken } from '@/lib/http-trace/types';

export interface SeenToken extends FoundToken {
  step: string;
  stepIndex: number;
}

/** Every distinct token seen in the exchanges so far, first sighting kept (so rotated tokens show as new entries). */
export function collectTokens(exchanges: Exchange[], trail: string[]): SeenToken[] {
  const seen = new Map<string, SeenToken>();
  for (const ex of exchanges) {
    for (const t of ex.tokens) {
      if (t.label === 'code verifier' || t.label === 'code challenge' || seen.has(t.value)) continue;
      seen.set(t.value, { ...t, step: ex.step, stepIndex: trail.lastIndexOf(ex.step) + 1 });
    }
  }
  return [...seen.values()];
}

/** Said above a DPoP proof: the inspector's findings are written for tokens, and some do not fit a proof. */
const DPOP_PROOF_NOTE =
  'A DPoP proof, not a token: it is good for one request. RFC 9449 §4.2 gives it no exp, iss or aud ' +
  '(the server judges its freshness by iat and refuses a jti it has seen), and its jwk header is by ' +
  'design: the server verifies the proof with that key, then requires the key’s thumbprint to equal the ' +
  'access token’s cnf.jkt (§4.3, §7.1). Findings below about a missing exp, iss or aud, or a ' +
  'sender-chosen jwk, are meant for tokens and do not apply to a proof.';

/** What an opaque value is for: not every one is a token the AS can introspect. */
function opaqueNote(label: string): string {
  switch (label) {
    case 'authorization code':
      return 'Opaque, one-time and short-lived: only the authorization server can redeem it, once, together with the PKCE code_verifier (RFC 6749 §4.1.2, RFC 7636 §4.5).';
    case 'device code':
      return 'Opaque: the device keeps it and presents it only to the token endpoint while polling; it is never shown to the user (RFC 8628 §3.2, §3.4).';
    case 'user code':
      return 'Short code the user types on the second device to find this request at the authorization server; it grants nothing by itself (RFC 8628 §3.2, §6.1).';
    default:
      return 'Opaque: a random handle with no readable content. Only the authorization server can tell what it stands for (RFC 7662 introspection).';
  }
}

/** The live inspector: each token decoded and verified against the realm JWKS (JWTs) or described (opaque). */
export const TokenPanel = memo(function TokenPanel({ tokens, jwks }: { tokens: SeenToken[]; jwks?: { keys: JsonWebKey[] } }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-700">No token has crossed the wire yet.</p>;
  return (
    <div className="space-y-4">
      {tokens.map((t) => (
        // wrap-anywhere is inherited: key ids and other long words in the inspector break instead of widening the page.
        <div key={t.value} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 wrap-anywhere">
          {t.kind === 'jwt' ? (
            <>
              {t.label === DPOP_PROOF_LABEL && <p className="mb-2 text-sm text-slate-700">{DPOP_PROOF_NOTE}</p>}
              {/* A DPoP proof is signed by the client's key (its own `jwk` header, RFC 9449 §4.3), not the issuer's: no issuer JWKS for it. */}
              <JwtInspector
                token={t.value}
                jwks={t.label === DPOP_PROOF_LABEL ? undefined : jwks}
                label={`${t.label} (step ${t.stepIndex}, ${t.where})`}
              />
            </>
          ) : (
            <section aria-label={`${t.label} (step ${t.stepIndex})`}>
              <h3 className="text-lg font-semibold text-slate-900">
                {t.label} (step {t.stepIndex}, {t.where})
              </h3>
              <p className="mt-1 break-all font-mono text-sm text-slate-800">{t.value}</p>
              <p className="mt-1 text-sm text-slate-700">{opaqueNote(t.label)}</p>
            </section>
          )}
        </div>
      ))}
    </div>
  );
});
