'use client';
import { IntentLink } from '@/components/ui/intent-link';
import { useEffect, useId, useState } from 'react';
import { callPhotos, clientCredentialsToken, demoAt, type ShownExchange } from '@/lib/learn/demo-requests';
import { findSavedIdToken } from '@/lib/learn/saved-tokens';
import { ExchangeList } from './exchange-list';
import { NotSent, RunButton } from './run-button';

const MAX = 16 * 1024;

/**
 * Sends an ID token (the one your authorization-code run in this tab holds, or any pasted one) to the
 * RS, which refuses it: typ is not at+jwt and aud is a client, not the API (RFC 9068 §4).
 */
export function IdTokenToRs() {
  const id = useId();
  const [token, setToken] = useState('');
  const [found, setFound] = useState<boolean | undefined>();
  const [exchanges, setExchanges] = useState<ShownExchange[]>([]);
  useEffect(() => {
    const saved = findSavedIdToken(window.sessionStorage);
    // Read once after hydration: session storage does not exist on the server.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFound(saved !== undefined);
    if (saved) setToken(saved);
  }, []);
  const realm = () => demoAt(window.location.origin);
  return (
    <div>
      {found === false && (
        <p className="text-sm text-slate-700">
          No ID token in this tab yet: run the{' '}
          <IntentLink className="text-indigo-800 underline" href="/flows/authorization-code">
            authorization-code flow
          </IntentLink>{' '}
          to the end, come back, and it is filled in; or paste one.
        </p>
      )}
      {found && <p className="text-sm text-slate-700">Filled in: the ID token of your authorization-code run in this tab.</p>}
      <label htmlFor={id} className="mt-2 block text-sm font-semibold">
        ID token to send to the API
      </label>
      <textarea
        id={id}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        rows={3}
        spellCheck={false}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-xs break-all"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <RunButton
          onRun={async () => {
            const t = token.trim();
            if (t === '') throw new NotSent('paste a token first (or run the authorization-code flow).');
            if (t.length > MAX) throw new NotSent('that is over 16 KB: no ID token is that long.');
            setExchanges([await callPhotos(realm(), t)]);
          }}
        >
          Send it to GET /rs/demo/photos
        </RunButton>
        <RunButton
          onRun={async () => {
            const r = await clientCredentialsToken(realm());
            if (!r.ok) {
              setExchanges(r.exchanges);
              throw new Error(r.message);
            }
            setExchanges([...r.exchanges, await callPhotos(realm(), r.value.accessToken)]);
          }}
        >
          Compare: send an access token
        </RunButton>
      </div>
      <ExchangeList exchanges={exchanges} label="ID token at the API: requests" />
    </div>
  );
}
