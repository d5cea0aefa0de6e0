'use client';
import { useState } from 'react';
import { obtainLabRealm } from '@/lib/attack-lab/lab-realms';
import { hasWeakness, type RealmDescriptor } from '@/lib/realms/descriptor';

/**
 * The deprecated grants play only against a lab realm that allows them: on any other realm this says
 * so and offers to make one (POST /api/realms), then reloads the flow with `?realm=<id>`.
 */
export function DeprecatedGrantNotice({
  realm,
  weakness,
  grant,
  slug,
}: {
  realm: RealmDescriptor;
  weakness: string;
  grant: string;
  slug: string;
}) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (hasWeakness(realm, weakness)) return null;
  const make = async () => {
    setBusy(true);
    setError(undefined);
    const got = await obtainLabRealm(
      { weaknesses: [weakness] },
      { origin: window.location.origin, fetch: window.fetch.bind(window), storage: window.sessionStorage },
    );
    // A full load, not a client-side push: the flow page reads ?realm= once, when it starts.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (got.ok) window.location.assign(`/flows/${slug}?realm=${encodeURIComponent(got.realm.id)}`);
    else {
      setBusy(false);
      setError(got.message);
    }
  };
  return (
    <div
      role="note"
      aria-label="Deprecated grant"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p>
        The realm <code className="break-all">{realm.id}</code> refuses the {grant}, as every realm that follows RFC 9700 must: playing on
        will show its error. To watch the grant work, play it against a lab realm with the weakness <code>{weakness}</code>.
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void make()}
        className="rounded bg-amber-800 px-3 py-2 font-semibold text-white hover:bg-amber-900 disabled:opacity-60"
      >
        {busy ? 'Making the lab realm…' : 'Make a lab realm that allows it'}
      </button>
      {error && (
        <p role="alert" className="text-rose-900">
          {error}
        </p>
      )}
    </div>
  );
}
