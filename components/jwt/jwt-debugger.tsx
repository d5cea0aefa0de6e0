'use client';
import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { decodeToken } from '@/lib/jwt/decode';
import { parseShareHash } from '@/lib/jwt/share';
import { DecodePanel, type InitialKey } from './decode-panel';

// The encoder (signing, key generation, jose) loads when its tab is first opened.
const SignPanel = lazy(() => import('./sign-panel').then((m) => ({ default: m.SignPanel })));

type Tab = 'decode' | 'encode';

const DEFAULT_HEADER = '{\n  "alg": "HS256",\n  "typ": "JWT"\n}';
function defaultPayload(iat: number): string {
  return JSON.stringify({ sub: 'alice', iss: 'https://issuer.example', aud: 'https://api.example', iat, exp: iat + 600 }, null, 2);
}

/** jwt.io's HS256 example and its deliberately public secret (lib/jwt/fixtures/jwtio-default-tokens.json). */
export const SAMPLE = {
  token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30',
  secret: 'a-string-secret-at-least-256-bits-long',
};

/** The /jwt debugger: decoding and signing in two separate tabs; state lives only in this page. */
export function JwtDebugger() {
  const [tab, setTab] = useState<Tab>('decode');
  const [encoderOpened, setEncoderOpened] = useState(false);
  const [input, setInput] = useState('');
  // A loaded share link (or the sample) remounts the decode panel (`n`), so its key form starts from it as on first load.
  const [shared, setShared] = useState<{ n: number; key?: InitialKey }>({ n: 0 });
  const [loaded, setLoaded] = useState(false);
  const [header, setHeader] = useState(DEFAULT_HEADER);
  const [payload, setPayload] = useState(() => defaultPayload(1_700_000_000));
  const show = (t: Tab) => {
    if (t === 'encode') setEncoderOpened(true);
    setTab(t);
  };
  useEffect(() => {
    // The share link lives in the fragment, which browsers never send to a server (RFC 3986 §3.5).
    // A link pasted into an open tab changes only the fragment: no reload, just a hashchange event.
    const load = () => {
      const { token, key } = parseShareHash(location.hash);
      if (!token) return;
      setInput(token);
      setShared((s) => ({ n: s.n + 1, key: { publicText: key } }));
      setTab('decode');
    };
    load();
    // A fresh example token that is valid for ten minutes from now (RFC 9068 lifetimes are short).
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the clock and the fragment exist only after mount
    setPayload(defaultPayload(Math.floor(Date.now() / 1000)));
    setLoaded(true);
    window.addEventListener('hashchange', load);
    return () => window.removeEventListener('hashchange', load);
  }, []);
  const sample = () => {
    setInput(SAMPLE.token);
    setShared((s) => ({ n: s.n + 1, key: { secret: SAMPLE.secret } }));
  };
  const edit = (token: string) => {
    const d = decodeToken(token);
    if (d.ok && d.value.kind === 'jws') {
      setHeader(JSON.stringify(d.value.header.json ?? {}, null, 2));
      setPayload(d.value.payload.json ? JSON.stringify(d.value.payload.json, null, 2) : (d.value.payload.text ?? '{}'));
      show('encode');
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') show(tab === 'decode' ? 'encode' : 'decode');
  };
  const tabClass = (t: Tab) =>
    `rounded-t-md border-b-2 px-4 py-2 text-sm font-medium ${tab === t ? 'border-blue-700 text-blue-800' : 'border-transparent text-slate-700 hover:text-slate-900'}`;
  return (
    <div>
      <div role="tablist" aria-label="Debugger mode" className="mb-4 flex gap-2 border-b border-slate-200" onKeyDown={onKey}>
        <button
          type="button"
          role="tab"
          id="tab-decode"
          aria-selected={tab === 'decode'}
          aria-controls="panel-decode"
          tabIndex={tab === 'decode' ? 0 : -1}
          onClick={() => show('decode')}
          className={tabClass('decode')}
        >
          Decode &amp; verify
        </button>
        <button
          type="button"
          role="tab"
          id="tab-encode"
          aria-selected={tab === 'encode'}
          aria-controls="panel-encode"
          tabIndex={tab === 'encode' ? 0 : -1}
          onClick={() => show('encode')}
          className={tabClass('encode')}
        >
          Encode &amp; sign
        </button>
      </div>
      <div role="tabpanel" id="panel-decode" aria-labelledby="tab-decode" hidden={tab !== 'decode'}>
        {loaded && <DecodePanel key={shared.n} input={input} setInput={setInput} initialKey={shared.key} onEdit={edit} onSample={sample} />}
      </div>
      <div role="tabpanel" id="panel-encode" aria-labelledby="tab-encode" hidden={tab !== 'encode'}>
        {encoderOpened && (
          <Suspense fallback={<p className="text-sm text-slate-600">Loading the encoder…</p>}>
            <SignPanel
              header={header}
              setHeader={setHeader}
              payload={payload}
              setPayload={setPayload}
              onDecode={(t) => {
                setInput(t);
                show('decode');
              }}
            />
          </Suspense>
        )}
      </div>
    </div>
  );
}
