import { PARTY_TEXT, type Party } from '@/components/ui/party';
import { CLAIMS, HEADER_PARAMS } from '@/lib/jwt/claims-catalog';
import { describeUncataloguedName } from '@/lib/jwt/claim-names';
import type { JsonObject } from '@/lib/jwt/decode';
import { describeInstant, TIME_CLAIMS } from '@/lib/jwt/time';

const MAX_ROWS = 200;

/**
 * Claims that name one party, in that party's colour (as in the diagram and the exchange headers): `iss` the
 * authorization server (RFC 7519 §4.1.1), `azp` and `client_id` the client (OIDC Core §2, RFC 9068 §2.2), `sub` the
 * user, or the client when it equals `client_id` (client credentials: RFC 9068 §2.2). Not `aud`: it is the
 * resource server in an access token, the client in an ID token.
 */
function partyNamedBy(name: string, data: JsonObject): Party | undefined {
  if (name === 'iss') return 'as';
  if (name === 'azp' || name === 'client_id') return 'client';
  if (name === 'sub') return data.client_id !== undefined && data.sub === data.client_id ? 'client' : 'user';
  return undefined;
}

function short(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Every claim (or header parameter) with its meaning in plain words and the spec that defines it. */
export function ClaimsTable({
  data,
  nowSeconds,
  kind,
  caption,
}: {
  data: JsonObject;
  nowSeconds: number;
  kind: 'claims' | 'header';
  caption: string;
}) {
  const catalog = kind === 'header' ? HEADER_PARAMS : CLAIMS;
  const entries = Object.entries(data);
  return (
    // Wide values scroll inside this box, never the page (390 px phones).
    <div className="overflow-x-auto">
      {/* wrap-break-word: a name or a heading breaks only when it is longer than the whole table is wide, so the Name column is never
          narrower than its longest name ("client_id", not "client / _id") even inside the inspector's wrap-anywhere; a longer name
          widens the table, which scrolls in this box. */}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium wrap-break-word">
              Name
            </th>
            <th scope="col" className="py-1 pr-3 font-medium wrap-break-word">
              Value
            </th>
            <th scope="col" className="py-1 font-medium wrap-break-word">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, MAX_ROWS).map(([name, value]) => {
            const entry =
              catalog.get(name) ??
              (() => {
                const d = describeUncataloguedName(name, kind);
                return { description: d.text, spec: d.spec, href: d.href };
              })();
            const isTime = kind === 'claims' && (TIME_CLAIMS as readonly string[]).includes(name) && typeof value === 'number';
            const when = isTime && nowSeconds > 0 ? describeInstant(value as number, nowSeconds) : undefined;
            const party = kind === 'claims' ? partyNamedBy(name, data) : undefined;
            return (
              <tr key={name} className="border-b border-slate-100 align-top">
                <th
                  scope="row"
                  className={`py-1.5 pr-3 font-mono font-medium wrap-break-word ${party ? PARTY_TEXT[party] : 'text-slate-900'}`}
                >
                  {name}
                </th>
                <td className="max-w-xs break-all py-1.5 pr-3 font-mono text-slate-800">
                  {short(value)}
                  {when && (
                    <span className="mt-0.5 block break-normal font-sans text-xs text-slate-600">
                      {when.relative} · {when.local} (local) · {when.utc}
                    </span>
                  )}
                </td>
                <td className="py-1.5 text-slate-700">
                  {entry.description}{' '}
                  <a href={entry.href} target="_blank" rel="noreferrer" className="whitespace-nowrap text-blue-700 underline">
                    {entry.spec}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
        {entries.length > MAX_ROWS && (
          <tfoot>
            <tr>
              <td colSpan={3} className="py-1 text-xs text-slate-600">
                {entries.length - MAX_ROWS} more entries not shown.
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
