'use client';
import { AsHandOff } from '@/components/flow-player/as-hand-off';
import type { AuthCodeContext } from '@/machines/authorization-code.machine';
import { CopyButton } from './copy-button';
import type { FlowExtrasProps } from './flow-definition';

const DEMO_USER = { username: 'alice', password: 'wonderland' };

/** Step-specific panels of the authorization-code flow (PKCE working, URL parameters, sign-in hand-off, callback). */
export function AuthCodeExtras({ step, meta, context: base, live, send, goToAuthorizationServer: onGo }: FlowExtrasProps) {
  const context = base as AuthCodeContext;
  const onTamper = () => send({ type: 'user.tamperState' });
  if (step === 'makeVerifier' && context.pkce) {
    const p = context.pkce.pkce;
    return (
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <dt className="font-medium">code_verifier</dt>
        <dd className="break-all font-mono">{p.verifier}</dd>
        <dt className="font-medium">ASCII bytes (hex)</dt>
        <dd className="break-all font-mono">{p.asciiHex}</dd>
        <dt className="font-medium">SHA-256 (hex)</dt>
        <dd className="break-all font-mono">{p.sha256Hex}</dd>
        <dt className="font-medium">code_challenge = BASE64URL(SHA-256)</dt>
        <dd className="break-all font-mono">{p.challenge}</dd>
        <dt className="font-medium">state</dt>
        <dd className="break-all font-mono">{context.pkce.state}</dd>
        <dt className="font-medium">nonce</dt>
        <dd className="break-all font-mono">{context.pkce.nonce}</dd>
      </dl>
    );
  }
  if (step === 'buildUrl' && context.authParams) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3">
        <p className="break-all font-mono text-xs text-slate-800">{context.authUrl}</p>
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Authorization request parameters</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {context.authParams.map((p) => (
              <tr key={p.name} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1 pr-2 font-mono">
                  {p.name}
                </th>
                <td className="break-all py-1 pr-2 font-mono text-xs">{p.value}</td>
                <td className="py-1">
                  {meta.fields?.[p.name]?.why}{' '}
                  {meta.fields?.[p.name]?.spec && <span className="text-xs text-slate-600">({meta.fields[p.name].spec})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (step === 'redirectToAs') {
    return (
      <AsHandOff live={live} onGo={onGo}>
        <p>
          Demo user: <span className="font-mono">{DEMO_USER.username}</span> / <span className="font-mono">{DEMO_USER.password}</span>{' '}
          <CopyButton text={DEMO_USER.username} label="Copy username" /> <CopyButton text={DEMO_USER.password} label="Copy password" />
        </p>
        <p>
          The sign-in page belongs to the authorization server, not to the client: the client cannot see or fill in what you type there (in
          a real deployment the AS is another site; here this app serves it under /as/). The AS offers &ldquo;Fill demo user&rdquo; buttons
          on its own page. Then choose Allow to continue, or Deny to see the error branch.
        </p>
        {context.input.client.secret && (
          <p role="note" className="rounded bg-amber-100 p-2 text-amber-950">
            Teaching demo only: the confidential client <span className="font-mono">{context.input.client.clientId}</span> normally keeps
            its secret on a server. Here the secret sits in your browser so you can watch client authentication; a real browser app is a
            public client.
          </p>
        )}
      </AsHandOff>
    );
  }
  if (step === 'callbackReceived' && context.callbackUrl) {
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="break-all font-mono text-xs">{context.callbackUrl}</p>
        {live && (
          <button
            type="button"
            onClick={onTamper}
            className="rounded border border-rose-300 bg-rose-50 px-3 py-1 font-medium text-rose-900 hover:bg-rose-100"
          >
            Tamper with state
          </button>
        )}
      </div>
    );
  }
  return null;
}
