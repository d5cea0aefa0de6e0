'use client';
import { AsHandOff, FragmentMarked } from '@/components/flow-player/as-hand-off';
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
      <DeprecatedGrantNotice
        realm={realm}
        weakness="as-implicit-grant-allowed"
        grant="implicit grant (response_type=token)"
        slug="implicit"
      />
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
      </div>
    );
  }
  if (step === 'redirectToAs') {
    return (
      <AsHandOff live={live} onGo={onGo}>
        <p>
          Demo user: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>{' '}
          <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
        </p>
      </AsHandOff>
    );
  }
  if (step === 'callbackReceived' && context.callbackUrl) {
    const url = context.callbackUrl;
    const hash = url.indexOf('#');
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The URL the browser landed on</p>
        <FragmentMarked url={url} />
        <p>
          {hash >= 0
            ? 'Highlighted: the fragment, readable by every script on this page as location.hash.'
            : 'No fragment: nothing came back after a #.'}
        </p>
      </div>
    );
  }
  return null;
}
