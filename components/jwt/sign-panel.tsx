'use client';
import { useId, useState } from 'react';
import { generatePair, type GeneratedPair } from '@/lib/jwt/keys/generate';
import { parseEditorJson, signToken, type SignKeyMaterial } from '@/lib/jwt/sign';
import type { Result } from '@/lib/jwt/result';

const field = 'w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm';

/**
 * Encoder: edit header and payload, sign only on an explicit click. It never touches the token in the
 * decoder, so typing a secret here cannot silently re-sign a pasted token.
 */
export function SignPanel({ header, setHeader, payload, setPayload, onDecode }: { header: string; setHeader: (v: string) => void; payload: string; setPayload: (v: string) => void; onDecode: (token: string) => void }) {
  const id = useId();
  const [keyKind, setKeyKind] = useState<SignKeyMaterial['kind']>('secret');
  const [keyText, setKeyText] = useState('');
  const [pair, setPair] = useState<GeneratedPair | undefined>();
  const [out, setOut] = useState<Result<{ token: string; unsecured: boolean }> | undefined>();
  const [note, setNote] = useState('');
  const headerCheck = parseEditorJson(header, 'header');
  const payloadCheck = parseEditorJson(payload, 'payload');
  const alg = headerCheck.ok && typeof headerCheck.value.alg === 'string' ? headerCheck.value.alg : '';
  const sign = async () => setOut(await signToken(header, payload, alg.toLowerCase() === 'none' ? undefined : keyKind === 'secret' ? { kind: 'secret', text: keyText, encoding: 'utf8' } : { kind: keyKind, text: keyText }));
  const generate = async () => {
    setNote('Generating…');
    const r = await generatePair(alg);
    if (!r.ok) return setNote(r.error.message);
    setPair(r.value);
    setKeyKind('pem');
    setKeyText(r.value.privatePem);
    setNote(`New ${alg} key pair generated in this browser. Its private key is now the signing key.`);
  };
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={`${id}-h`} className="mb-1 block text-sm font-medium text-jwt-header">Header (JSON)</label>
          <textarea id={`${id}-h`} rows={8} value={header} onChange={(e) => setHeader(e.target.value)} spellCheck={false} aria-invalid={!headerCheck.ok} className={`${field} border-l-4 border-l-jwt-header`} />
          {!headerCheck.ok && <p className="text-sm text-red-800">{headerCheck.error.message}</p>}
        </div>
        <div>
          <label htmlFor={`${id}-p`} className="mb-1 block text-sm font-medium text-jwt-payload">Payload (JSON)</label>
          <textarea id={`${id}-p`} rows={8} value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} aria-invalid={!payloadCheck.ok} className={`${field} border-l-4 border-l-jwt-payload`} />
          {!payloadCheck.ok && <p className="text-sm text-red-800">{payloadCheck.error.message}</p>}
        </div>
      </div>
      {alg.toLowerCase() === 'none' ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">{`"alg": "none"`} makes an unsecured JWT with no signature: anyone can forge it and secure verifiers reject it (RFC 8725 §3.1).</p>
      ) : (
        <fieldset className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">Signing key</legend>
          <label className="flex items-center gap-2 text-sm">
            Key form
            <select value={keyKind} onChange={(e) => setKeyKind(e.target.value as SignKeyMaterial['kind'])} className="rounded border border-slate-300 bg-white px-2 py-1">
              <option value="secret">Shared secret (UTF-8)</option>
              <option value="pem">Private key PEM (PKCS#8 or PKCS#1)</option>
              <option value="jwk">Private JWK</option>
            </select>
          </label>
          <label htmlFor={`${id}-k`} className="block text-sm">Signing key</label>
          <textarea id={`${id}-k`} rows={keyKind === 'secret' ? 2 : 6} value={keyText} onChange={(e) => setKeyText(e.target.value)} spellCheck={false} className={field} />
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={() => void generate()} disabled={!alg || /^HS/.test(alg)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50">Generate {alg || ''} key pair</button>
            {note && <p role="status" className="text-sm text-slate-700">{note}</p>}
          </div>
          {pair && (
            <details className="text-sm">
              <summary className="cursor-pointer">Export the generated key pair (PEM and JWK)</summary>
              {([['Public key (PEM)', pair.publicPem], ['Public key (JWK)', JSON.stringify(pair.publicJwk, null, 2)], ['Private key (PEM, keep secret)', pair.privatePem], ['Private key (JWK, keep secret)', JSON.stringify(pair.privateJwk, null, 2)]] as const).map(([t, v]) => (
                <div key={t} className="mt-2">
                  <p className="font-medium">{t}</p>
                  <pre tabIndex={0} className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{v}</pre>
                </div>
              ))}
            </details>
          )}
        </fieldset>
      )}
      <button type="button" onClick={() => void sign()} disabled={!headerCheck.ok || !payloadCheck.ok} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50">Sign token</button>
      {out && !out.ok && <p role="alert" className="text-sm text-red-800">{out.error.message}</p>}
      {out?.ok && (
        <div className="space-y-2">
          <label htmlFor={`${id}-out`} className="block text-sm font-medium">Signed token{out.value.unsecured ? ' (unsecured)' : ''}</label>
          <textarea id={`${id}-out`} readOnly rows={4} value={out.value.token} className={`${field} break-all`} />
          <button type="button" onClick={() => onDecode(out.value.token)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">Open in decoder</button>
        </div>
      )}
    </div>
  );
}
