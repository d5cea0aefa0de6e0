'use client';
import { useState } from 'react';
import { CHECK_TITLES, parseCheckReport } from '@/lib/resource-server/check-report';
import { callPhotos, clientCredentialsToken, demoAt, send, type ShownExchange } from '@/lib/learn/demo-requests';
import { VARIANTS } from '@/lib/learn/token-variants';
import { apiUrl } from '@/lib/realms/descriptor';
import { ExchangeList } from './exchange-list';
import { RunButton } from './run-button';

interface Row {
  label: string;
  expected: string;
  exchange: ShownExchange;
}

/** The RS's checks, one failing token at a time: each row says which check refused it (its Flowlab-Checks report). */
export function ValidationDemo() {
  const [rows, setRows] = useState<Row[]>([]);
  const [setup, setSetup] = useState<ShownExchange[]>([]);
  return (
    <div>
      <RunButton
        onRun={async () => {
          const realm = demoAt(window.location.origin);
          const t = await clientCredentialsToken(realm, 'photos:read');
          setSetup(t.exchanges);
          if (!t.ok) throw new Error(t.message);
          const out: Row[] = [];
          for (const v of VARIANTS) {
            out.push({
              label: v.label,
              expected: v.fails === 'none' ? 'accepted' : `fails ${v.fails} (${v.spec})`,
              exchange: await callPhotos(realm, v.make(t.value.accessToken)),
            });
            setRows([...out]);
          }
          // A genuine read-only token at an endpoint that needs photos:write (RFC 6750 §3.1 insufficient_scope).
          const write = await send(apiUrl(realm, 'photos'), {
            method: 'POST',
            headers: { authorization: `Bearer ${t.value.accessToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ title: 'from /learn' }),
          });
          out.push({ label: 'a genuine photos:read token at POST /photos', expected: 'fails scope (RFC 6750 §3.1)', exchange: write });
          setRows(out);
        }}
      >
        Send each token to the API
      </RunButton>
      <ExchangeList exchanges={setup} label="Validation: the genuine token" />
      {rows.length > 0 && (
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="What the resource server said to each token">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Each token and what the resource server said</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-2">
                  Token
                </th>
                <th scope="col" className="py-1 pr-2">
                  Expected
                </th>
                <th scope="col" className="py-1">
                  Resource server
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const failed = parseCheckReport(r.exchange.responseHeaders['flowlab-checks']).find((c) => c.outcome === 'fail');
                return (
                  <tr key={r.label} className="border-b border-slate-200 align-top">
                    <td className="py-1 pr-2">{r.label}</td>
                    <td className="py-1 pr-2">{r.expected}</td>
                    <td className="py-1 break-words">
                      <span className="font-mono">{r.exchange.status}</span>{' '}
                      {failed ? `refused at: ${CHECK_TITLES[failed.check].title}` : r.exchange.status < 300 ? 'accepted' : ''}
                      {r.exchange.responseHeaders['www-authenticate'] && (
                        <span className="block font-mono text-xs break-all">
                          WWW-Authenticate: {r.exchange.responseHeaders['www-authenticate']}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
