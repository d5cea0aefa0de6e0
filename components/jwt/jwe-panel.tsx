'use client';
import { useId, useState } from 'react';
import { decryptJwe, type Decrypted, type JweKeyMaterial } from '@/lib/jwt/jwe';
import type { Result } from '@/lib/jwt/result';

/** Decrypts a JWE in the browser: secret (dir, AES-KW, PBES2 password), private PEM or private JWK. */
export function JwePanel({ token, onOpenPlaintext }: { token: string; onOpenPlaintext: (text: string) => void }) {
  const id = useId();
  const [kind, setKind] = useState<JweKeyMaterial['kind']>('jwk');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result<Decrypted> | undefined>();
  const material = (): JweKeyMaterial => (kind === 'secret' ? { kind, text, encoding: 'utf8' } : { kind, text });
  return (
    <section aria-label="Decrypt" className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold">Decrypt (RFC 7516 §5.2)</h3>
      <label className="flex items-center gap-2 text-sm">
        Key form
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as JweKeyMaterial['kind'])}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="jwk">Private JWK / symmetric JWK</option>
          <option value="pem">Private key PEM</option>
          <option value="secret">Password or secret (UTF-8)</option>
        </select>
      </label>
      <label htmlFor={`${id}-k`} className="block text-sm">
        Decryption key
      </label>
      <textarea
        id={`${id}-k`}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
        spellCheck={false}
      />
      <p className="text-xs text-slate-600">
        PBES2 is allowed with at most 10,000 iterations (p2c), to bound the work an attacker can demand.
      </p>
      <button
        type="button"
        onClick={() => void decryptJwe(token, material()).then(setResult)}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white"
      >
        Decrypt
      </button>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-800">
          {result.error.message}
        </p>
      )}
      {result?.ok && (
        <div className="space-y-1">
          <p className="text-sm font-medium text-emerald-800">Decrypted.</p>
          <pre tabIndex={0} className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-sm">
            {result.value.plaintext.slice(0, 20000)}
          </pre>
          <button
            type="button"
            onClick={() => onOpenPlaintext(result.value.plaintext)}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm"
          >
            Decode the plaintext as a token
          </button>
        </div>
      )}
    </section>
  );
}
