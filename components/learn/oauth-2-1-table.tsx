import { attackHref, flowStepHref } from '@/lib/learn/links';
import { Cite, Go } from './section';

/** What OAuth 2.1 changes from 2.0, why, and the demo that shows it. */
export function OAuth21Table() {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="OAuth 2.1 changes">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">OAuth 2.1 changes from OAuth 2.0</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">
              Change
            </th>
            <th scope="col" className="py-1 pr-2">
              Why
            </th>
            <th scope="col" className="py-1">
              See it
            </th>
          </tr>
        </thead>
        <tbody className="align-top">
          <tr className="border-b border-slate-200">
            <td className="py-1 pr-2">PKCE for every authorization code flow</td>
            <td className="py-1 pr-2">
              A stolen or injected code is useless without the verifier (<Cite doc="RFC 9700" s="2.1.1" />)
            </td>
            <td className="py-1">
              <Go href={flowStepHref('authorization-code', 'makeVerifier')}>the verifier step</Go>,{' '}
              <Go href={attackHref('code-interception')}>code interception</Go>
            </td>
          </tr>
          <tr className="border-b border-slate-200">
            <td className="py-1 pr-2">No implicit grant</td>
            <td className="py-1 pr-2">
              Tokens in the URL leak and cannot be bound to the client (<Cite doc="RFC 9700" s="2.1.2" />, <Cite doc="OAuth 2.1" s="10.1" />
              )
            </td>
            <td className="py-1">
              <Go href={flowStepHref('authorization-code', 'buildUrl')}>response_type=code</Go>
            </td>
          </tr>
          <tr className="border-b border-slate-200">
            <td className="py-1 pr-2">No password grant</td>
            <td className="py-1 pr-2">
              The app must never see the user&apos;s password (<Cite doc="RFC 9700" s="2.4" />)
            </td>
            <td className="py-1">
              <Go href="#which-grant">the decision guide</Go>
            </td>
          </tr>
          <tr className="border-b border-slate-200">
            <td className="py-1 pr-2">Exact redirect URI matching</td>
            <td className="py-1 pr-2">
              Pattern matching sends codes to attackers (<Cite doc="RFC 9700" s="4.1.3" />)
            </td>
            <td className="py-1">
              <Go href={attackHref('redirect-uri')}>redirect URI</Go>, <Go href={attackHref('open-redirect')}>open redirect</Go>
            </td>
          </tr>
          <tr className="border-b border-slate-200">
            <td className="py-1 pr-2">No access tokens in the query string; header or form body only</td>
            <td className="py-1 pr-2">
              URLs end up in logs, history and Referer headers (<Cite doc="OAuth 2.1" s="5.1" />, <Cite doc="RFC 9700" s="4.3.2" />,{' '}
              <Cite doc="RFC 6750" s="2.3" />)
            </td>
            <td className="py-1">the button below</td>
          </tr>
          <tr>
            <td className="py-1 pr-2">Refresh tokens of public clients rotated or sender-constrained</td>
            <td className="py-1 pr-2">
              A stolen refresh token is detected on reuse, or useless without the key (<Cite doc="RFC 9700" s="4.14.2" />)
            </td>
            <td className="py-1">
              <Go href={flowStepHref('refresh-token', 'discover')}>the refresh-token flow</Go>,{' '}
              <Go href={attackHref('refresh-replay')}>refresh replay</Go>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
