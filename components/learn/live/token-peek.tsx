'use client';
import { decodeToken } from '@/lib/jwt/decode';
import { JsonView } from '@/components/jwt/json-view';

/**
 * A token decoded inline with the debugger's decoder (lib/jwt/decode.ts): anyone holding a JWS can
 * read it, no key needed. `required` lists the claims a profile requires, ticked when present.
 */
export function TokenPeek({
  token,
  name,
  required,
}: {
  token: string;
  name: string;
  required?: { claims: readonly string[]; spec: string };
}) {
  const decoded = decodeToken(token);
  if (!decoded.ok)
    return (
      <p role="alert" className="mt-2 text-sm text-red-800">
        {decoded.error.message}
      </p>
    );
  const d = decoded.value;
  const payload = d.kind === 'jws' ? d.payload.json : undefined;
  return (
    <div className="mt-3 space-y-2">
      <p className="text-sm text-slate-700">
        Decoded without any key: the header and payload are base64url,{' '}
        {d.kind === 'jwe' ? 'but this one is encrypted (JWE): only the header is readable.' : 'encoded, not encrypted.'}
      </p>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-2 md:grid-cols-2">
        {d.header.json && <JsonView level={3} title="Header" name={`${name}: header`} tone="header" value={d.header.json} />}
        {payload && <JsonView level={3} title="Payload" name={`${name}: payload`} tone="payload" value={payload} />}
      </div>
      {required && payload && (
        <p className="text-sm">
          Required by {required.spec}:{' '}
          {required.claims.map((c) => (
            <span key={c} className="mr-2 font-mono">
              {c} {c in payload ? '✓' : '✗ missing'}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
