'use client';
import type { ImplicitContext } from '@/machines/implicit.machine';
import { CopyButton } from './copy-button';
import { DeprecatedGrantNotice } from './deprecated-grant-notice';
import type { FlowExtrasProps } from './flow-definition';

/** The implicit flow's panels: the lab-realm notice, the URL parameters, the sign-in hand-off, the fragment. */
export function ImplicitExtras(props: FlowExtrasProps) {
  const realm = (props.context as ImplicitContext).input.realm;
  // On every step, not only the first: a restored run (back from the AS, or a reload) starts later.
  return (
    <div className="space-y-3">
      <DeprecatedGrantNotice realm={realm} weakness="as-implicit-grant-allowed" grant="implicit grant (response_type=token)" slug="implicit" />
      <ImplicitPanel {...props} />
    </div>
  );
}

function ImplicitPanel({ step, meta, context: base, live, goToAuthorizationServer: onGo }: FlowExtrasProps) {
  const context = base as ImplicitContext;
  if (step === 'buildUrl' && context.authParams) {
    return (
      <div>
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
                  <th scope="row" className="py-1 pr-2 font-mono">{p.name}</th>
                  <td className="break-all py-1 pr-2 font-mono text-xs">{p.value}</td>
                  <td className="py-1">
                    {meta.fields?.[p.name]?.why} {meta.fields?.[p.name]?.spec && <span className="text-xs text-slate-600">({meta.fields[p.name].spec})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  if (step === 'redirectToAs') {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>
          Demo user: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span> <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
        </p>
        {live && (
          <button type="button" onClick={onGo} className="rounded bg-indigo-700 px-3 py-2 font-semibold text-white hover:bg-indigo-800">
            Go to the authorization server
          </button>
        )}
      </div>
    );
  }
  if (step === 'callbackReceived' && context.callbackUrl) {
    const url = context.callbackUrl;
    const hash = url.indexOf('#');
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The URL the browser landed on</p>
        <p className="break-all font-mono text-xs">
          {hash < 0 ? url : url.slice(0, hash)}
          {hash >= 0 && <mark className="bg-amber-200">{url.slice(hash)}</mark>}
        </p>
        <p>{hash >= 0 ? 'Highlighted: the fragment, readable by every script on this page as location.hash.' : 'No fragment: nothing came back after a #.'}</p>
      </div>
    );
  }
  return null;
}
