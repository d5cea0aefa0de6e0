'use client';
import { useState } from 'react';
import {
  callPhotos,
  clientCredentialsToken,
  createOpaqueRealm,
  demoAt,
  introspect,
  revoke,
  type ShownExchange,
} from '@/lib/learn/demo-requests';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { ExchangeList } from './exchange-list';
import { RunButton } from './run-button';

/**
 * Revoke a JWT access token and an opaque one, calling the RS before and after (RFC 7009 §2,
 * RFC 7662 §2.2). This RS asks the AS's records on every request, so both are refused after
 * revocation; a RS that only verified JWTs locally would accept the JWT until its exp.
 */
export function RevocationDemo() {
  const [jwt, setJwt] = useState<ShownExchange[]>([]);
  const [opaque, setOpaque] = useState<ShownExchange[]>([]);
  const run = async (realm: RealmDescriptor, show: (e: ShownExchange[]) => void, before: ShownExchange[] = []) => {
    const log = [...before];
    const t = await clientCredentialsToken(realm);
    log.push(...t.exchanges);
    show([...log]);
    if (!t.ok) throw new Error(t.message);
    const { accessToken, metadata } = t.value;
    const steps = [
      () => callPhotos(realm, accessToken),
      () => introspect(metadata, accessToken),
      () => revoke(metadata, accessToken),
      () => callPhotos(realm, accessToken),
      () => introspect(metadata, accessToken),
      // RFC 7009 §2.2: an unknown token is answered 200 too, so the endpoint reveals nothing.
      () => revoke(metadata, 'not-a-token-this-server-ever-issued'),
    ];
    for (const step of steps) {
      log.push(await step());
      show([...log]);
    }
  };
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
      <div className="min-w-0">
        <RunButton onRun={() => run(demoAt(window.location.origin), setJwt)}>Revoke a JWT access token</RunButton>
        <ExchangeList exchanges={jwt} label="JWT revocation: requests" />
      </div>
      <div className="min-w-0">
        <RunButton
          onRun={async () => {
            const r = await createOpaqueRealm(window.location.origin);
            setOpaque(r.exchanges);
            if (!r.ok) throw new Error(r.message);
            await run(r.value, setOpaque, r.exchanges);
          }}
        >
          Revoke an opaque access token
        </RunButton>
        <ExchangeList exchanges={opaque} label="Opaque revocation: requests" />
      </div>
    </div>
  );
}
