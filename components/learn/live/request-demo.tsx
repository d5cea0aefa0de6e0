'use client';
import { useState } from 'react';
import { send, type ShownExchange } from '@/lib/learn/demo-requests';
import { ExchangeList } from './exchange-list';
import { RunButton } from './run-button';

/** One request to this origin's servers, shown as sent and answered (e.g. the RS with no token: 401 + a Bearer challenge). */
export function RequestDemo({ path, label, name }: { path: string; label: string; name: string }) {
  const [exchanges, setExchanges] = useState<ShownExchange[]>([]);
  return (
    <div>
      <RunButton onRun={async () => setExchanges([await send(`${window.location.origin}${path}`)])}>{label}</RunButton>
      <ExchangeList exchanges={exchanges} label={`${name}: requests`} />
    </div>
  );
}
