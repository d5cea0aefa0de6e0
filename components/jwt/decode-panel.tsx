'use client';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { keyFamily, unknownAlgMessage } from '@/lib/jwt/algorithms';
import { decodeToken } from '@/lib/jwt/decode';
import { shortSecretFinding, type Finding } from '@/lib/jwt/findings';
import { secretBytes } from '@/lib/jwt/keys/import-secret';
import { buildShareHash } from '@/lib/jwt/share';
import type { KeyMaterial } from '@/lib/jwt/verify';
import { TokenDetails, TokenParts, TokenVerdicts } from './decoded-view';
import { draftMaterial, EMPTY_DRAFT, formFor, type KeyDraft } from './key-draft';
import { KeyInput } from './key-input';
import { PartError } from './part-error';
import type { VerifyState } from './signature-status';

// Not needed on first paint: JWE decryption (and jose with it) loads when a JWE is pasted.
const JwePanel = lazy(() => import('./jwe-panel').then((m) => ({ default: m.JwePanel })));

function jwsOf(decoded: ReturnType<typeof decodeToken>) {
  return decoded.ok && decoded.value.kind === 'jws' ? decoded.value : undefined;
}

/** Debounce grows with size so a 1 MB paste does not decode on every keystroke. */
function delayFor(length: number): number {
  return length < 20_000 ? 0 : 200;
}

/** What a share link or the sample puts in the key form when the panel opens. */
export interface InitialKey {
  publicText?: string;
  secret?: string;
}

/**
 * Decode & verify, laid out like jwt.io: the token and its decoded header/payload side by side (stacked
 * on phones), then the signature verdict with the key form under it, then claims and findings.
 */
export function DecodePanel({
  input,
  setInput,
  initialKey,
  onEdit,
  onSample,
}: {
  input: string;
  setInput: (v: string) => void;
  initialKey?: InitialKey;
  onEdit: (token: string) => void;
  onSample: () => void;
}) {
  const id = useId();
  const [token, setToken] = useState(input);
  useEffect(() => {
    const t = setTimeout(() => setToken(input), delayFor(input.length));
    return () => clearTimeout(t);
  }, [input]);
  const decoded = useMemo(() => decodeToken(token), [token]);
  const header = decoded.ok ? decoded.value.header.json : undefined;
  const alg = typeof header?.alg === 'string' ? header.alg : undefined;
  const family = keyFamily(alg);
  const [draft, setDraft] = useState<KeyDraft>(() => ({
    ...EMPTY_DRAFT,
    secret: initialKey?.secret ?? '',
    publicText: initialKey?.publicText ?? '',
  }));
  const form = formFor(draft, family);
  const material = draftMaterial(draft, form);
  const [embedded, setEmbedded] = useState(false);
  const [verify, setVerify] = useState<{ for: string; state: VerifyState }>({ for: '', state: { state: 'idle' } });
  const active: KeyMaterial | undefined = embedded ? { kind: 'embedded', member: header?.jwk ? 'jwk' : 'x5c' } : material.m;
  const verifyFor = `${token}|${JSON.stringify(active ?? null)}`;
  useEffect(() => {
    if (!active || !decoded.ok || decoded.value.kind !== 'jws' || decoded.value.unsecured) return;
    let live = true;
    // Key import and verification (jose) load on first use, not with the page.
    void import('@/lib/jwt/verify')
      .then(({ verifyToken }) => verifyToken(token, active))
      .then((result) => live && setVerify({ for: verifyFor, state: { state: 'done', result } }));
    return () => {
      live = false;
    };
    // verifyFor captures token and key material.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [verifyFor]);
  // An unknown "alg" (including "nOnE", which is not "none") is rejected before any key is asked for.
  const unknownAlg =
    jwsOf(decoded) && !jwsOf(decoded)?.unsecured && !family
      ? alg
        ? unknownAlgMessage(alg)
        : 'The header has no "alg" (RFC 7515 §4.1.1).'
      : undefined;
  const state: VerifyState = unknownAlg
    ? { state: 'done', result: { ok: false, error: { code: 'ERR_JOSE_ALG_NOT_ALLOWED', message: unknownAlg, where: 'header' } } }
    : !active
      ? { state: 'idle', note: `give a ${form === 'secret' ? 'shared secret' : 'public key'} below` }
      : verify.for === verifyFor
        ? verify.state
        : { state: 'checking' };
  const extra: Finding[] = [];
  if (alg && material.m?.kind === 'secret' && !embedded) {
    const bytes = secretBytes(material.m.text, material.m.encoding);
    const f = bytes.ok ? shortSecretFinding(alg, bytes.value.length) : undefined;
    if (f) extra.push(f);
  }
  const [copied, setCopied] = useState('');
  const copyLink = async () => {
    const url = `${location.origin}${location.pathname}${buildShareHash(token, material.shareable)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(
        material.shareable ? 'Link copied (token and public key; never a secret).' : 'Link copied (token only; secrets are never shared).',
      );
    } catch {
      setCopied('The link is in the address bar (clipboard not available).');
    }
  };
  const jws = jwsOf(decoded);
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="min-w-0">
          <label htmlFor={`${id}-token`} className="mb-1 block text-sm font-medium text-slate-800">
            Encoded token
          </label>
          <textarea
            id={`${id}-token`}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            rows={10}
            spellCheck={false}
            placeholder="Paste a JWT (eyJ…), with or without “Bearer ”"
            className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-sm break-all"
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => void copyLink()}
              disabled={!decoded.ok}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
            >
              Copy link
            </button>
            <button
              type="button"
              onClick={() => onEdit(token)}
              disabled={!jws}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50"
            >
              Edit in encoder
            </button>
            {copied && (
              <p role="status" className="self-center text-sm text-slate-700">
                {copied}
              </p>
            )}
          </div>
        </div>
        <div className="min-w-0" data-testid="decoded" data-token-length={decoded.ok ? decoded.value.token.length : -1}>
          {decoded.ok ? (
            <TokenParts decoded={decoded.value} stacked />
          ) : token.trim() !== '' ? (
            <PartError error={decoded.error} />
          ) : (
            <div className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
              <p>Paste a token on the left (below on a phone) to see its header and payload here.</p>
              <button
                type="button"
                onClick={onSample}
                className="mt-3 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
              >
                Try a sample token
              </button>
            </div>
          )}
        </div>
      </div>
      {decoded.ok && (
        <section aria-label="Signature" className="space-y-2">
          <h2 className="text-sm font-semibold text-slate-800">Signature</h2>
          <TokenVerdicts decoded={decoded.value} verify={state} />
          {jws && !jws.unsecured && !unknownAlg && (
            <>
              <KeyInput
                draft={draft}
                onDraft={(d) => {
                  setEmbedded(false);
                  setDraft(d);
                }}
                form={form}
                family={family}
                alg={alg}
              />
              {(header?.jwk !== undefined || header?.x5c !== undefined) && (
                <label className="flex items-center gap-2 text-sm text-amber-900">
                  <input type="checkbox" checked={embedded} onChange={(e) => setEmbedded(e.target.checked)} />
                  Verify with the key inside the token’s own header (untrusted: proves nothing, RFC 8725 §3.10)
                </label>
              )}
              {(header?.jku !== undefined || header?.x5u !== undefined) && (
                <p className="break-all text-sm text-amber-900">
                  The header points to a key URL ({String(header?.jku ?? header?.x5u)}). It is not fetched automatically: a verifier must
                  only use keys it already trusts.
                </p>
              )}
            </>
          )}
          {decoded.value.kind === 'jwe' && (
            <Suspense fallback={<p className="text-sm text-slate-600">Loading decryption…</p>}>
              <JwePanel token={decoded.value.token} onOpenPlaintext={setInput} />
            </Suspense>
          )}
        </section>
      )}
      {decoded.ok && <TokenDetails decoded={decoded.value} extraFindings={extra} />}
    </div>
  );
}
