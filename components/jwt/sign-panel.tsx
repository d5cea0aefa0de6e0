'use client';
import { useId, useState } from 'react';
import { keyFamily, type KeyFamily } from '@/lib/jwt/algorithms';
import { shortSecretFinding } from '@/lib/jwt/findings';
import { FindingsList } from './findings-list';
import { generatePair, randomSecret, type GeneratedPair } from '@/lib/jwt/keys/generate';
import { secretBytes } from '@/lib/jwt/keys/import-secret';
import { parseEditorJson, signToken } from '@/lib/jwt/sign';
import type { Result } from '@/lib/jwt/result';

type SignForm = 'secret' | 'private';

const field = 'w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm';

/**
 * Encoder: edit header and payload, sign only on an explicit click. It never touches the token in the
 * decoder, so typing a secret here cannot silently re-sign a pasted token.
 */
export function SignPanel({
  header,
  setHeader,
  payload,
  setPayload,
  onDecode,
}: {
  header: string;
  setHeader: (v: string) => void;
  payload: string;
  setPayload: (v: string) => void;
  onDecode: (token: string) => void;
}) {
  const id = useId();
  const headerCheck = parseEditorJson(header, 'header');
  const payloadCheck = parseEditorJson(payload, 'payload');
  const alg = headerCheck.ok && typeof headerCheck.value.alg === 'string' ? headerCheck.value.alg : '';
  // The key form follows "alg" as in the decoder: HS* signs with a secret, the others with a private key.
  const family = keyFamily(alg);
  const [chosen, setChosen] = useState<{ form: SignForm; family: KeyFamily | undefined }>();
  const form: SignForm = chosen && chosen.family === family ? chosen.form : family === 'key-pair' ? 'private' : 'secret';
  const [keys, setKeys] = useState<Record<SignForm, string>>({ secret: '', private: '' });
  const [pair, setPair] = useState<GeneratedPair | undefined>();
  const [out, setOut] = useState<Result<{ token: string; unsecured: boolean }> | undefined>();
  const [note, setNote] = useState('');
  const keyText = keys[form];
  // The decoder's finding, before signing: a short HMAC secret is cracked offline from the one token it signs.
  const typingSecret = form === 'secret' && family === 'secret';
  const typed = typingSecret ? secretBytes(keyText, 'utf8') : undefined;
  const short = typed?.ok ? shortSecretFinding(alg, typed.value.length) : undefined;
  const sign = async () =>
    setOut(
      await signToken(
        header,
        payload,
        alg === 'none'
          ? undefined
          : form === 'secret'
            ? { kind: 'secret', text: keyText, encoding: 'utf8' }
            : { kind: 'pem', text: keyText },
      ),
    );
  const generate = async () => {
    setNote('Generating…');
    const r = await generatePair(alg);
    if (!r.ok) return setNote(r.error.message);
    setPair(r.value);
    setKeys((k) => ({ ...k, private: r.value.privatePem }));
    setChosen({ form: 'private', family });
    setNote(`New ${alg} key pair generated in this browser. Its private key is now the signing key.`);
  };
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor={`${id}-h`} className="mb-1 block text-sm font-medium text-jwt-header">
            Header (JSON)
          </label>
          <textarea
            id={`${id}-h`}
            rows={8}
            value={header}
            onChange={(e) => setHeader(e.target.value)}
            spellCheck={false}
            aria-invalid={!headerCheck.ok}
            className={`${field} border-l-4 border-l-jwt-header`}
          />
          {!headerCheck.ok && <p className="text-sm text-red-800">{headerCheck.error.message}</p>}
        </div>
        <div>
          <label htmlFor={`${id}-p`} className="mb-1 block text-sm font-medium text-jwt-payload">
            Payload (JSON)
          </label>
          <textarea
            id={`${id}-p`}
            rows={8}
            value={payload}
            onChange={(e) => setPayload(e.target.value)}
            spellCheck={false}
            aria-invalid={!payloadCheck.ok}
            className={`${field} border-l-4 border-l-jwt-payload`}
          />
          {!payloadCheck.ok && <p className="text-sm text-red-800">{payloadCheck.error.message}</p>}
        </div>
      </div>
      {alg === 'none' ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {`"alg": "none"`} makes an unsecured JWT with no signature: anyone can forge it and secure verifiers reject it (RFC 8725 §3.1).
        </p>
      ) : (
        <fieldset className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">Signing key</legend>
          <div role="radiogroup" aria-label="Signing key form" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(
              [
                ['secret', 'Sign with a shared secret'],
                ['private', 'Sign with a private key (PEM or JWK)'],
              ] as const
            ).map(([f, text]) => (
              <label key={f} className="flex items-center gap-1">
                <input type="radio" name={`${id}-form`} checked={form === f} onChange={() => setChosen({ form: f, family })} />
                {text}
              </label>
            ))}
          </div>
          {!family && (
            <p className="text-sm text-amber-900">
              {`"alg": ${JSON.stringify(alg)}`} is not an algorithm this encoder signs with: use HS256/384/512, RS*, PS*, ES* or EdDSA
              (names are case-sensitive, RFC 7515 §4.1.1).
            </p>
          )}
          <label htmlFor={`${id}-k`} className="block text-sm">
            Signing key
          </label>
          <textarea
            id={`${id}-k`}
            rows={form === 'secret' ? 2 : 6}
            value={keyText}
            onChange={(e) => setKeys((k) => ({ ...k, [form]: e.target.value }))}
            spellCheck={false}
            className={field}
          />
          {form === 'secret' ? (
            family === 'key-pair' && <p className="text-sm text-amber-900">{`"${alg}"`} signs with a private key, not a shared secret.</p>
          ) : (
            <p className="text-xs text-slate-600">PKCS#8, PKCS#1 or SEC1 PEM, or a private JWK.</p>
          )}
          {short && <FindingsList findings={[short]} label="Signing key findings" />}
          {typingSecret && (
            <button
              type="button"
              onClick={() => setKeys((k) => ({ ...k, secret: randomSecret(alg) }))}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              Use a random {alg} secret
            </button>
          )}
          {family === 'key-pair' && (
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                onClick={() => void generate()}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
              >
                Generate {alg} key pair
              </button>
              {note && (
                <p role="status" className="text-sm text-slate-700">
                  {note}
                </p>
              )}
            </div>
          )}
          {pair && (
            <details className="text-sm">
              <summary className="cursor-pointer">Export the generated key pair (PEM and JWK)</summary>
              {(
                [
                  ['Public key (PEM)', pair.publicPem],
                  ['Public key (JWK)', JSON.stringify(pair.publicJwk, null, 2)],
                  ['Private key (PEM, keep secret)', pair.privatePem],
                  ['Private key (JWK, keep secret)', JSON.stringify(pair.privateJwk, null, 2)],
                ] as const
              ).map(([t, v]) => (
                <div key={t} className="mt-2">
                  <p className="font-medium">{t}</p>
                  <pre tabIndex={0} className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">
                    {v}
                  </pre>
                </div>
              ))}
            </details>
          )}
        </fieldset>
      )}
      <button
        type="button"
        onClick={() => void sign()}
        disabled={!headerCheck.ok || !payloadCheck.ok}
        className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
      >
        Sign token
      </button>
      {out && !out.ok && (
        <p role="alert" className="text-sm text-red-800">
          {out.error.message}
        </p>
      )}
      {out?.ok && (
        <div className="space-y-2">
          <label htmlFor={`${id}-out`} className="block text-sm font-medium">
            Signed token{out.value.unsecured ? ' (unsecured)' : ''}
          </label>
          <textarea id={`${id}-out`} readOnly rows={4} value={out.value.token} className={`${field} break-all`} />
          <button
            type="button"
            onClick={() => onDecode(out.value.token)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Open in decoder
          </button>
        </div>
      )}
    </div>
  );
}
