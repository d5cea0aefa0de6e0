'use client';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';

export interface TokenGeneration {
  /** e.g. "#1 (step 7)". */
  label: string;
  tokens: TokenSet;
}

const time = (v: unknown) => (typeof v === 'number' ? `${v} (${new Date(v * 1000).toISOString().replace('.000Z', 'Z')})` : '(absent)');
const text = (v: unknown) => (v === undefined ? '(absent)' : String(v));

function verdict(before: unknown, after: unknown, kind: 'value' | 'time'): string {
  if (before === undefined && after === undefined) return 'absent in both';
  if (before === after) return 'same';
  if (kind === 'time' && typeof before === 'number' && typeof after === 'number')
    return after > before ? `later by ${after - before} s` : `earlier by ${before - after} s`;
  return 'different';
}

interface Row {
  name: string;
  before: unknown;
  after: unknown;
  kind: 'value' | 'time';
  mono?: boolean;
}

/**
 * Two token responses side by side: the refresh token itself, then the claims that tell two JWTs
 * apart (jti, iat, exp) and the ones a refreshed ID token must keep (OIDC Core §12.2).
 */
export function TokenCompare({ before, after }: { before: TokenGeneration; after: TokenGeneration }) {
  const at = [unverifiedClaims(before.tokens.access_token), unverifiedClaims(after.tokens.access_token)];
  const id = [unverifiedClaims(before.tokens.id_token), unverifiedClaims(after.tokens.id_token)];
  const rows: Row[] = [
    { name: 'refresh_token', before: before.tokens.refresh_token, after: after.tokens.refresh_token, kind: 'value', mono: true },
    { name: 'access token jti', before: at[0]?.jti, after: at[1]?.jti, kind: 'value', mono: true },
    { name: 'access token iat', before: at[0]?.iat, after: at[1]?.iat, kind: 'time' },
    { name: 'access token exp', before: at[0]?.exp, after: at[1]?.exp, kind: 'time' },
    { name: 'scope', before: before.tokens.scope, after: after.tokens.scope, kind: 'value' },
    { name: 'ID token sub', before: id[0]?.sub, after: id[1]?.sub, kind: 'value' },
    { name: 'ID token iat', before: id[0]?.iat, after: id[1]?.iat, kind: 'time' },
    { name: 'ID token auth_time', before: id[0]?.auth_time, after: id[1]?.auth_time, kind: 'time' },
  ];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3">
      <table className="w-full text-left text-sm">
        <caption className="pb-2 text-left font-semibold text-slate-900">
          Old vs new: tokens {before.label} and {after.label}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">
              What
            </th>
            <th scope="col" className="pr-2">
              {before.label}
            </th>
            <th scope="col" className="pr-2">
              {after.label}
            </th>
            <th scope="col">Compared</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = verdict(r.before, r.after, r.kind);
            const show = r.kind === 'time' ? time : text;
            return (
              <tr key={r.name} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1 pr-2 font-mono font-medium">
                  {r.name}
                </th>
                <td className={`break-all py-1 pr-2 ${r.mono ? 'font-mono text-xs' : ''}`}>{show(r.before)}</td>
                <td className={`break-all py-1 pr-2 ${r.mono ? 'font-mono text-xs' : ''}`}>{show(r.after)}</td>
                <td className={`py-1 ${v === 'different' || v.startsWith('later') ? 'font-semibold text-indigo-900' : 'text-slate-700'}`}>
                  {v}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
