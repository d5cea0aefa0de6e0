'use client';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { DeviceAuthorization } from '@/lib/oauth-client/token-response';
import { CopyButton } from './copy-button';

const DEMO_USER = { username: 'alice', password: 'wonderland' };

/** The QR code of a URI as an SVG data URL, drawn in the browser: nothing is sent anywhere. */
function useQrDataUrl(text: string | undefined): string | undefined {
  const [made, setMade] = useState<{ text: string; url: string }>();
  useEffect(() => {
    if (!text) return;
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
      .then((svg) => live && setMade({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  return made && made.text === text ? made.url : undefined;
}

export const clockTime = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

/**
 * What the TV shows (RFC 8628 §3.3, laid out like §3.3.1 Figure 3): the verification URI and the
 * user code as text, and verification_uri_complete as a QR code; then the hand-off to a second device.
 */
export function DeviceTvScreen({ device, issuedAt, live }: { device: DeviceAuthorization; issuedAt?: number; live: boolean }) {
  const complete = device.verification_uri_complete;
  const qr = useQrDataUrl(complete);
  return (
    <div className="space-y-3">
      <figure aria-labelledby="tv-screen-caption" className="mx-auto max-w-2xl">
        <div className="theme-fixed rounded-2xl border-[12px] border-slate-800 bg-slate-950 p-6 text-slate-50 shadow-lg">
          <p className="text-xs font-semibold uppercase tracking-widest text-slate-300">Photo Frame TV · Sign in</p>
          <div className="mt-3 grid items-center gap-6 sm:grid-cols-[1fr_auto]">
            <div className="space-y-2">
              <p>
                {complete ? 'Scan the QR code or, using a browser on another device, visit:' : 'Using a browser on another device, visit:'}
              </p>
              <p className="break-all font-mono text-lg text-sky-300">{device.verification_uri}</p>
              <p>And enter the code:</p>
              <p className="font-mono text-4xl font-bold tracking-widest text-white">{device.user_code}</p>
            </div>
            {complete && (
              <div className="flex h-44 w-44 items-center justify-center rounded bg-white">
                {qr ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a data URL drawn in the browser; next/image adds nothing here.
                  <img src={qr} width={168} height={168} alt={`QR code of the verification link ${complete}`} />
                ) : (
                  <span className="text-sm text-slate-700">Drawing QR code…</span>
                )}
              </div>
            )}
          </div>
        </div>
        <div aria-hidden="true" className="mx-auto h-3 w-24 rounded-b bg-slate-700" />
        <figcaption id="tv-screen-caption" className="mt-1 text-center text-sm text-slate-700">
          The TV screen
          {issuedAt !== undefined
            ? ` · the code is valid until ${clockTime(issuedAt + device.expires_in * 1000)} (expires_in ${device.expires_in} s)`
            : ''}
        </figcaption>
      </figure>
      {live && (
        <div className="space-y-2 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
          <p>
            Be the user with a second device: open the verification page in a new tab (as if you had scanned the QR code with your phone),
            check that it shows the same code, sign in and choose Allow or Deny.
          </p>
          {complete && (
            <p>
              {/* The step's primary action: focus lands here when the TV shows its code (use-step-focus.ts). */}
              <a href={complete} target="_blank" rel="noopener" data-primary-action="" className="font-semibold text-indigo-800 underline">
                Open the verification page (second device)
              </a>{' '}
              <span className="text-slate-700">(opens a new tab)</span>
            </p>
          )}
          <p>
            Demo user: <span className="font-mono">{DEMO_USER.username}</span> / <span className="font-mono">{DEMO_USER.password}</span>{' '}
            <CopyButton text={DEMO_USER.username} label="Copy username" /> <CopyButton text={DEMO_USER.password} label="Copy password" />
          </p>
        </div>
      )}
    </div>
  );
}
