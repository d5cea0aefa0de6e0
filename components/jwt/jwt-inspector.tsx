'use client';
import { useEffect, useMemo, useState } from 'react';
import { decodeToken } from '@/lib/jwt/decode';
import { verifyToken } from '@/lib/jwt/verify';
import { DecodedView } from './decoded-view';
import { PartError } from './part-error';
import type { VerifyState } from './signature-status';

export interface JwtInspectorProps {
  token: string;
  /** The issuer's JWK Set; the token's `kid` picks the key (RFC 7515 §4.1.4). */
  jwks?: { keys: JsonWebKey[] } | undefined;
  label?: string;
}

/**
 * Read-only inspector used by every flow: decoded header/payload, claims, time status, signature
 * verification against the given JWKS and security findings. Runs entirely in the browser.
 */
export function JwtInspector({ token, jwks, label }: JwtInspectorProps) {
  const decoded = useMemo(() => decodeToken(token), [token]);
  const [verify, setVerify] = useState<{ key: string; state: VerifyState }>({ key: '', state: { state: 'idle' } });
  const verifyKey = `${token}|${jwks ? JSON.stringify(jwks) : ''}`;
  useEffect(() => {
    if (!jwks || !decoded.ok || decoded.value.kind !== 'jws') return;
    let live = true;
    void verifyToken(token, { kind: 'jwks', jwks, source: 'issuer JWKS' }).then((result) => {
      if (live) setVerify({ key: verifyKey, state: { state: 'done', result } });
    });
    return () => {
      live = false;
    };
  }, [token, jwks, decoded, verifyKey]);
  const state: VerifyState = !jwks
    ? { state: 'idle', note: 'no JWKS given' }
    : verify.key === verifyKey
      ? verify.state
      : { state: 'checking' };
  return (
    <section aria-label={label ?? 'JWT inspector'} className="space-y-3">
      {label && <h2 className="text-lg font-semibold text-slate-900">{label}</h2>}
      {decoded.ok ? (
        <DecodedView decoded={decoded.value} verify={state} level={label ? 3 : 2} label={label} />
      ) : (
        <PartError error={decoded.error} />
      )}
    </section>
  );
}
