'use client';
import { useEffect, useMemo, useState } from 'react';
import type { DecodedToken } from '@/lib/jwt/decode';
import { collectFindings, commonSecretFinding, findCommonSecret, type Finding } from '@/lib/jwt/findings';
import { HEADER_PARAMS } from '@/lib/jwt/claims-catalog';
import { timeStatus } from '@/lib/jwt/time';
import { ClaimsTable } from './claims-table';
import { FindingsList } from './findings-list';
import { JsonView } from './json-view';
import { PartError } from './part-error';
import { RawToken } from './raw-token';
import { SignatureStatus, type VerifyState } from './signature-status';
import { TimeBadge } from './time-badge';
import { useNowSeconds } from './use-now';

type Level = 2 | 3;
/** Several inspectors on one page (the flow player) need distinct region names. */
const naming = (label?: string) => (part: string) => (label ? `${label}: ${part.toLowerCase()}` : part);

/** Everything readable in a decoded token: parts, JSON, claims, time, signature verdict, findings. */
export function DecodedView({
  decoded,
  verify,
  extraFindings = [],
  level = 2,
  label,
}: {
  decoded: DecodedToken;
  verify: VerifyState;
  extraFindings?: Finding[];
  level?: Level;
  label?: string;
}) {
  return (
    <div className="space-y-4">
      <RawToken parts={decoded.parts} />
      <TokenVerdicts decoded={decoded} verify={verify} />
      <TokenParts decoded={decoded} level={level} label={label} />
      <TokenDetails decoded={decoded} extraFindings={extraFindings} level={level} label={label} />
    </div>
  );
}

/** The signature verdict, "unsecured" or "encrypted", and the time status, as badges. */
export function TokenVerdicts({ decoded, verify }: { decoded: DecodedToken; verify: VerifyState }) {
  const now = useNowSeconds();
  const payload = decoded.kind === 'jws' ? decoded.payload : undefined;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {decoded.kind === 'jws' && decoded.unsecured && (
        <p className="rounded-md border border-red-300 bg-red-50 px-2 py-1 text-sm font-medium text-red-950">
          Unsecured JWT (alg &quot;none&quot;): no signature at all; verifiers reject it (RFC 7518 §3.6, RFC 8725 §3.1).
        </p>
      )}
      {decoded.kind === 'jwe' && (
        <p className="rounded-md border border-sky-300 bg-sky-50 px-2 py-1 text-sm text-sky-950">
          Encrypted token (JWE, RFC 7516): only the header is readable without the key.
        </p>
      )}
      {decoded.kind === 'jws' && !decoded.unsecured && <SignatureStatus verify={verify} />}
      {payload?.json && now > 0 && <TimeBadge verdict={timeStatus(payload.json, now)} />}
    </div>
  );
}

/** Header and payload JSON (or what breaks them), and the signature part's own error. */
export function TokenParts({
  decoded,
  level = 2,
  label,
  stacked = false,
}: {
  decoded: DecodedToken;
  level?: Level;
  label?: string;
  stacked?: boolean;
}) {
  const named = naming(label);
  const payload = decoded.kind === 'jws' ? decoded.payload : undefined;
  return (
    <div className="space-y-4">
      <div className={`grid gap-4 ${stacked ? '' : 'lg:grid-cols-2'}`}>
        <div className="min-w-0 space-y-2">
          {decoded.header.json ? (
            <JsonView level={level} title="Header" name={named('Header')} tone="header" value={decoded.header.json} />
          ) : (
            decoded.header.error && <PartError error={decoded.header.error} text={decoded.header.text} />
          )}
        </div>
        {payload && (
          <div className="min-w-0 space-y-2">
            {payload.json ? (
              <JsonView level={level} title="Payload" name={named('Payload')} tone="payload" value={payload.json} />
            ) : (
              payload.error && <PartError error={payload.error} text={payload.text} />
            )}
          </div>
        )}
      </div>
      {decoded.kind === 'jws' && decoded.signature.error && <PartError error={decoded.signature.error} />}
      {decoded.kind === 'jwe' && <JweParts decoded={decoded} />}
    </div>
  );
}

/** Claims and header parameters explained, and the security findings (a common-secret check included). */
export function TokenDetails({
  decoded,
  extraFindings = [],
  level = 2,
  label,
}: {
  decoded: DecodedToken;
  extraFindings?: Finding[];
  level?: Level;
  label?: string;
}) {
  const H = level === 2 ? 'h2' : 'h3';
  const now = useNowSeconds();
  const findings = useMemo(() => (now > 0 ? collectFindings(decoded, now) : []), [decoded, now]);
  const [cracked, setCracked] = useState<{ token: string; secret: string } | undefined>();
  useEffect(() => {
    let live = true;
    if (decoded.kind === 'jws') {
      void findCommonSecret(decoded).then((secret) => {
        if (live && secret !== undefined) setCracked({ token: decoded.token, secret });
      });
    }
    return () => {
      live = false;
    };
  }, [decoded]);
  const all = [...(cracked && cracked.token === decoded.token ? [commonSecretFinding(cracked.secret)] : []), ...extraFindings, ...findings];
  const payload = decoded.kind === 'jws' ? decoded.payload : undefined;
  return (
    <div className="space-y-4">
      {payload?.json && <ClaimsTable kind="claims" caption="Claims" data={payload.json} nowSeconds={now} />}
      {decoded.header.json && <ClaimsTable kind="header" caption="Header parameters" data={decoded.header.json} nowSeconds={now} />}
      <section aria-label={naming(label)('Findings')}>
        <H className="mb-2 text-sm font-semibold text-slate-800">Security findings</H>
        <FindingsList findings={all} />
      </section>
    </div>
  );
}

function JweParts({ decoded }: { decoded: Extract<DecodedToken, { kind: 'jwe' }> }) {
  const rows = Object.entries(decoded.lengths);
  return (
    <ul className="grid gap-1 text-sm sm:grid-cols-2">
      {rows.map(([name, v]) => (
        <li key={name} className="rounded border border-slate-200 bg-white px-2 py-1">
          <span className="font-mono">{name.replace('_', ' ')}</span>: {typeof v === 'number' ? `${v} bytes` : v.message}
        </li>
      ))}
      {typeof decoded.header.json?.enc === 'string' && (
        <li className="rounded border border-slate-200 bg-white px-2 py-1 sm:col-span-2">
          {HEADER_PARAMS.get('enc')?.description} Here: <span className="font-mono">{String(decoded.header.json.enc)}</span>.
        </li>
      )}
    </ul>
  );
}
