'use client';
import { useEffect, useId, useMemo, useState } from 'react';
import { decodeToken } from '@/lib/jwt/decode';
import { shortSecretFinding, type Finding } from '@/lib/jwt/findings';
import { secretBytes } from '@/lib/jwt/keys/import-secret';
import { buildShareHash } from '@/lib/jwt/share';
import { verifyToken, type KeyMaterial } from '@/lib/jwt/verify';
import { DecodedView } from './decoded-view';
import { JwePanel } from './jwe-panel';
import { KeyInput } from './key-input';
import { PartError } from './part-error';
import type { VerifyState } from './signature-status';

/** Debounce grows with size so a 1 MB paste does not decode on every keystroke. */
function delayFor(length: number): number {
  return length < 20_000 ? 0 : 200;
}

export function DecodePanel({ input, setInput, sharedKey, onEdit }: { input: string; setInput: (v: string) => void; sharedKey?: string; onEdit: (token: string) => void }) {
  const id = useId();
  const [token, setToken] = useState(input);
  useEffect(() => {
    const t = setTimeout(() => setToken(input), delayFor(input.length));
    return () => clearTimeout(t);
  }, [input]);
  const decoded = useMemo(() => decodeToken(token), [token]);
  const [material, setMaterial] = useState<{ m?: KeyMaterial; shareable?: string }>(() => (sharedKey ? { m: { kind: sharedKey.trim().startsWith('{') ? 'jwk' : 'pem', text: sharedKey }, shareable: sharedKey } : {}));
  const [embedded, setEmbedded] = useState(false);
  const [verify, setVerify] = useState<{ for: string; state: VerifyState }>({ for: '', state: { state: 'idle' } });
  const active: KeyMaterial | undefined = embedded ? { kind: 'embedded', member: decoded.ok && decoded.value.header.json?.jwk ? 'jwk' : 'x5c' } : material.m;
  const verifyFor = `${token}|${JSON.stringify(active ?? null)}`;
  useEffect(() => {
    if (!active || !decoded.ok || decoded.value.kind !== 'jws' || decoded.value.unsecured) return;
    let live = true;
    void verifyToken(token, active).then((result) => live && setVerify({ for: verifyFor, state: { state: 'done', result } }));
    return () => {
      live = false;
    };
    // verifyFor captures token and key material.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [verifyFor]);
  const state: VerifyState = !active ? { state: 'idle', note: 'give a key below' } : verify.for === verifyFor ? verify.state : { state: 'checking' };
  const extra: Finding[] = [];
  if (decoded.ok && material.m?.kind === 'secret' && !embedded && typeof decoded.value.header.json?.alg === 'string') {
    const bytes = secretBytes(material.m.text, material.m.encoding);
    const f = bytes.ok ? shortSecretFinding(decoded.value.header.json.alg, bytes.value.length) : undefined;
    if (f) extra.push(f);
  }
  const [copied, setCopied] = useState('');
  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}${buildShareHash(token, material.shareable)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(material.shareable ? 'Link copied (token and public key; never a secret).' : 'Link copied (token only; secrets are never shared).');
    } catch {
      setCopied('The link is in the address bar (clipboard not available).');
    }
  };
  const header = decoded.ok ? decoded.value.header.json : undefined;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-token`} className="mb-1 block text-sm font-medium text-slate-800">Encoded token</label>
        <textarea
          id={`${id}-token`}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          rows={5}
          spellCheck={false}
          placeholder="Paste a JWT (eyJ…), with or without “Bearer ”"
          className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm break-all"
        />
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" onClick={() => void copyLink()} disabled={!decoded.ok} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">Copy link</button>
          <button type="button" onClick={() => onEdit(token)} disabled={!decoded.ok || decoded.value.kind !== 'jws'} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">Edit in encoder</button>
          {copied && <p role="status" className="self-center text-sm text-slate-700">{copied}</p>}
        </div>
      </div>
      {decoded.ok && decoded.value.kind === 'jws' && (
        <div className="space-y-2">
          <KeyInput initialText={sharedKey} initialForm={sharedKey ? (sharedKey.trim().startsWith('{') ? 'jwk' : 'pem') : 'secret'} onChange={(m, shareable) => { setEmbedded(false); setMaterial({ m, shareable }); }} />
          {(header?.jwk !== undefined || header?.x5c !== undefined) && (
            <label className="flex items-center gap-2 text-sm text-amber-900">
              <input type="checkbox" checked={embedded} onChange={(e) => setEmbedded(e.target.checked)} />
              Verify with the key inside the token’s own header (untrusted: proves nothing, RFC 8725 §3.10)
            </label>
          )}
          {(header?.jku !== undefined || header?.x5u !== undefined) && (
            <p className="text-sm text-amber-900">The header points to a key URL ({String(header?.jku ?? header?.x5u)}). It is not fetched automatically: a verifier must only use keys it already trusts.</p>
          )}
        </div>
      )}
      <div data-testid="decoded" data-token-length={decoded.ok ? decoded.value.token.length : -1}>
        {decoded.ok ? <DecodedView decoded={decoded.value} verify={state} extraFindings={extra} /> : token.trim() !== '' && <PartError error={decoded.error} />}
      </div>
      {decoded.ok && decoded.value.kind === 'jwe' && <JwePanel token={decoded.value.token} onOpenPlaintext={setInput} />}
    </div>
  );
}
