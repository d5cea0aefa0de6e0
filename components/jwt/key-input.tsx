'use client';
import { useId, useState } from 'react';
import { parseJwkInput } from '@/lib/jwt/keys/import-jwk';
import type { SecretEncoding } from '@/lib/jwt/keys/import-secret';
import type { KeyMaterial } from '@/lib/jwt/verify';

export type KeyForm = 'secret' | 'pem' | 'jwk' | 'url';

const FORMS: { id: KeyForm; label: string }[] = [
  { id: 'secret', label: 'Shared secret' },
  { id: 'pem', label: 'PEM public key / certificate' },
  { id: 'jwk', label: 'JWK or JWK Set' },
  { id: 'url', label: 'JWKS URL' },
];

const field = 'w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm focus:border-blue-600';

/**
 * Picks the verification key. JWKS URLs are fetched by the browser only, on an explicit click, and the
 * request carries no token (the debugger never sends a token anywhere).
 */
export function KeyInput({ onChange, initialText = '', initialForm = 'secret' }: { onChange: (m: KeyMaterial | undefined, shareable: string | undefined) => void; initialText?: string; initialForm?: KeyForm }) {
  const id = useId();
  const [form, setForm] = useState<KeyForm>(initialForm);
  const [text, setText] = useState(initialText);
  const [encoding, setEncoding] = useState<SecretEncoding>('utf8');
  const [url, setUrl] = useState('');
  const [fetchNote, setFetchNote] = useState<string>('');

  const emit = (f: KeyForm, t: string, enc: SecretEncoding) => {
    if (t.trim() === '') return onChange(undefined, undefined);
    if (f === 'secret') return onChange({ kind: 'secret', text: t, encoding: enc }, undefined);
    if (f === 'pem') return onChange({ kind: 'pem', text: t }, t);
    if (f === 'jwk') return onChange({ kind: 'jwk', text: t }, t);
  };

  const loadJwks = async (target: string, source: string) => {
    setFetchNote(`Fetching ${target}…`);
    try {
      // credentials: 'omit' and no headers: the request says nothing about the token being debugged.
      const res = await fetch(target, { credentials: 'omit', cache: 'no-store' });
      if (!res.ok) return setFetchNote(`The JWKS request failed with HTTP ${res.status}.`);
      const body = await res.text();
      const parsed = parseJwkInput(body);
      if (!parsed.ok || parsed.value.kind !== 'jwks') return setFetchNote('The response is not a JWK Set ({"keys":[…]}).');
      setFetchNote(`Loaded ${parsed.value.jwks.keys.length} key(s) from ${source}.`);
      setForm('jwk');
      setText(JSON.stringify(parsed.value.jwks, null, 2));
      onChange({ kind: 'jwks', jwks: parsed.value.jwks, source }, JSON.stringify(parsed.value.jwks));
    } catch {
      setFetchNote('The JWKS could not be fetched (network error or the server does not allow cross-origin requests).');
    }
  };

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">Verification key</legend>
      <div role="radiogroup" aria-label="Key form" className="flex flex-wrap gap-3 text-sm">
        {FORMS.map((f) => (
          <label key={f.id} className="flex items-center gap-1">
            <input type="radio" name={`${id}-form`} checked={form === f.id} onChange={() => { setForm(f.id); emit(f.id, text, encoding); }} />
            {f.label}
          </label>
        ))}
      </div>
      {form === 'url' ? (
        <div className="flex flex-wrap gap-2">
          <label htmlFor={`${id}-url`} className="sr-only">JWKS URL</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://issuer.example/jwks" className={`${field} flex-1`} />
          <button type="button" onClick={() => void loadJwks(url, url)} disabled={!/^https?:\/\//.test(url)} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-50">Fetch JWKS</button>
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-key`} className="block text-sm text-slate-700">
            {form === 'secret' ? 'Secret' : form === 'pem' ? 'PEM (BEGIN PUBLIC KEY, BEGIN RSA PUBLIC KEY or BEGIN CERTIFICATE)' : 'JWK or JWK Set (JSON)'}
          </label>
          <textarea id={`${id}-key`} value={text} rows={form === 'secret' ? 2 : 6} spellCheck={false} onChange={(e) => { setText(e.target.value); emit(form, e.target.value, encoding); }} className={field} />
          {form === 'secret' && (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              Secret encoding
              <select value={encoding} onChange={(e) => { const enc = e.target.value as SecretEncoding; setEncoding(enc); emit(form, text, enc); }} className="rounded border border-slate-300 bg-white px-2 py-1">
                <option value="utf8">UTF-8 text</option>
                <option value="base64url">base64url</option>
                <option value="hex">hex</option>
              </select>
            </label>
          )}
        </>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => void loadJwks('/as/demo/jwks', 'the demo realm JWKS')} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">Use demo realm JWKS</button>
        {fetchNote && <p role="status" className="text-sm text-slate-700">{fetchNote}</p>}
      </div>
    </fieldset>
  );
}
