'use client';
import { useState } from 'react';
import { clientCredentialsToken, demoAt, type ShownExchange } from '@/lib/learn/demo-requests';
import { ExchangeList } from './exchange-list';
import { RunButton } from './run-button';
import { TokenPeek } from './token-peek';

const RFC9068_REQUIRED = { claims: ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'], spec: 'RFC 9068 §2.2' } as const;

/** Fetches a client-credentials access token from the demo AS and decodes it inline. */
export function ClientCredentialsDemo({ name, label }: { name: string; label: string }) {
  const [exchanges, setExchanges] = useState<ShownExchange[]>([]);
  const [token, setToken] = useState<string | undefined>();
  return (
    <div>
      <RunButton
        onRun={async () => {
          const r = await clientCredentialsToken(demoAt(window.location.origin));
          setExchanges(r.exchanges);
          setToken(r.ok ? r.value.accessToken : undefined);
          if (!r.ok) throw new Error(r.message);
        }}
      >
        {label}
      </RunButton>
      <ExchangeList exchanges={exchanges} label={`${name}: requests`} />
      {token && <TokenPeek token={token} name={name} required={RFC9068_REQUIRED} />}
    </div>
  );
}
