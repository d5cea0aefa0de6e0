'use client';
import { useId, useState } from 'react';
import type { KeyFamily } from '@/lib/jwt/algorithms';
import { parseJwkInput } from '@/lib/jwt/keys/import-jwk';
import { keyTextKind } from '@/lib/jwt/keys/key-text';
import type { SecretEncoding } from '@/lib/jwt/keys/import-secret';
import { unusedKeyNote, type KeyDraft, type KeyForm } from './key-draft';

export type { KeyForm } from './key-draft';

const FORMS: { id: KeyForm; label: string }[] = [
  { id: 'secret', label: 'Shared secret' },
  { id: 'public', label: 'Public key (PEM or JWK)' },
  { id: 'url', label: 'JWKS URL' },
];

const field = 'w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm focus:border-blue-600';

/**
 * Picks the verification key; the form shown follows the token's `alg` (see key-draft.ts). JWKS URLs are
 * fetched by the browser only, on an explicit click, and the request carries no token.
 */
export function KeyInput({
  draft,
  onDraft,
  form,
  family,
  alg,
}: {
  draft: KeyDraft;
  onDraft: (d: KeyDraft) => void;
  form: KeyForm;
  family: KeyFamily | undefined;
  alg: string | undefined;
}) {
  const id = useId();
  const [fetchNote, setFetchNote] = useState<string>('');
  const loadJwks = async (target: string, source: string) => {
    setFetchNote(`Fetching ${target}…`);
    try {
      // credentials: 'omit' and no headers: the request says nothing about the token being debugged.
      const res = await fetch(target, { credentials: 'omit', cache: 'no-store' });
      if (!res.ok) return setFetchNote(`The JWKS request failed with HTTP ${res.status}.`);
      const parsed = parseJwkInput(await res.text());
      if (!parsed.ok || parsed.value.kind !== 'jwks') return setFetchNote('The response is not a JWK Set ({"keys":[…]}).');
      setFetchNote(`Loaded ${parsed.value.jwks.keys.length} key(s) from ${source}.`);
      const text = JSON.stringify(parsed.value.jwks, null, 2);
      onDraft({ ...draft, chosen: { form: 'public', family }, publicText: text, fetched: { text, jwks: parsed.value.jwks, source } });
    } catch {
      setFetchNote('The JWKS could not be fetched (network error or the server does not allow cross-origin requests).');
    }
  };
  const unused = unusedKeyNote(draft, form, alg);
  const seen = keyTextKind(draft.publicText);
  return (
    <fieldset className="min-w-0 space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">Verification key</legend>
      <div role="radiogroup" aria-label="Key form" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {FORMS.map((f) => (
          <label key={f.id} className="flex items-center gap-1">
            <input
              type="radio"
              name={`${id}-form`}
              checked={form === f.id}
              onChange={() => onDraft({ ...draft, chosen: { form: f.id, family } })}
            />
            {f.label}
          </label>
        ))}
      </div>
      {form === 'url' && (
        <div className="flex flex-wrap gap-2">
          <label htmlFor={`${id}-url`} className="sr-only">
            JWKS URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            value={draft.url}
            onChange={(e) => onDraft({ ...draft, url: e.target.value })}
            placeholder="https://issuer.example/jwks"
            className={`${field} min-w-0 flex-1`}
          />
          <button
            type="button"
            onClick={() => void loadJwks(draft.url, draft.url)}
            disabled={!/^https?:\/\//.test(draft.url)}
            className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-50"
          >
            Fetch JWKS
          </button>
        </div>
      )}
      {form === 'secret' && (
        <>
          <label htmlFor={`${id}-secret`} className="block text-sm text-slate-700">
            Secret
          </label>
          <textarea
            id={`${id}-secret`}
            value={draft.secret}
            rows={2}
            spellCheck={false}
            onChange={(e) => onDraft({ ...draft, secret: e.target.value })}
            className={field}
          />
          <label className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            Secret encoding
            <select
              value={draft.encoding}
              onChange={(e) => onDraft({ ...draft, encoding: e.target.value as SecretEncoding })}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            >
              <option value="utf8">UTF-8 text</option>
              <option value="base64url">base64url</option>
              <option value="hex">hex</option>
            </select>
          </label>
        </>
      )}
      {form === 'public' && (
        <>
          <label htmlFor={`${id}-public`} className="block text-sm text-slate-700">
            Public key: PEM (public key or certificate), JWK or JWK Set
          </label>
          <textarea
            id={`${id}-public`}
            value={draft.publicText}
            rows={6}
            spellCheck={false}
            onChange={(e) => onDraft({ ...draft, publicText: e.target.value })}
            className={field}
          />
          {(seen === 'pem' || seen === 'json') && (
            <p className="text-xs text-slate-600">Read as {seen === 'pem' ? 'a PEM block' : 'a JWK (JSON)'}.</p>
          )}
        </>
      )}
      {unused && <p className="text-sm text-amber-900">{unused}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void loadJwks('/as/demo/jwks', 'the demo realm JWKS')}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          Use demo realm JWKS
        </button>
        {fetchNote && (
          <p role="status" className="text-sm text-slate-700">
            {fetchNote}
          </p>
        )}
      </div>
    </fieldset>
  );
}
