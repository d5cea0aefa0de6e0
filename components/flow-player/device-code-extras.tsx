'use client';
import type { DeviceCodeContext } from '@/machines/device-code.machine';
import { DevicePollLog } from './device-poll-log';
import { DeviceTvScreen } from './device-tv-screen';
import type { FlowExtrasProps } from './flow-definition';

interface Field {
  name: string;
  value: string | number | undefined;
  why: string;
}

function FieldTable({ caption, fields }: { caption: string; fields: Field[] }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">Field</th>
            <th scope="col" className="pr-2">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name} className="border-t border-slate-200 align-top">
              <th scope="row" className="py-1 pr-2 font-mono">{f.name}</th>
              <td className="max-w-xs break-all py-1 pr-2 font-mono text-xs">{f.value === undefined ? '(absent)' : String(f.value)}</td>
              <td className="py-1">{f.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const shorten = (token: string | undefined) => (token && token.length > 40 ? `${token.slice(0, 32)}…` : token);

/** Step-specific panels of the device flow: the §3.2 response explained, the TV screen, the poll log, the token response. */
export function DeviceCodeExtras({ step, context: base, live, send }: FlowExtrasProps) {
  const context = base as DeviceCodeContext;
  const device = context.device;
  if (step === 'deviceAuthorization' && device) {
    return (
      <FieldTable
        caption="The device authorization response (RFC 8628 §3.2)"
        fields={[
          { name: 'device_code', value: device.device_code, why: 'The device verification code. Only the TV keeps it; it sends it with every poll and never shows it.' },
          { name: 'user_code', value: device.user_code, why: 'The end-user verification code: short, for a person to read on the TV and type on another device.' },
          { name: 'verification_uri', value: device.verification_uri, why: 'The verification page on the AS, short enough to type into a browser by hand.' },
          { name: 'verification_uri_complete', value: device.verification_uri_complete, why: 'Optional: the same page with the user_code already in it, meant for non-textual transmission such as a QR code (§3.3.1).' },
          { name: 'expires_in', value: device.expires_in, why: 'Lifetime in seconds of the device_code and the user_code.' },
          { name: 'interval', value: device.interval, why: 'Optional: the minimum number of seconds the TV should wait between polls of the token endpoint; 5 when absent.' },
        ]}
      />
    );
  }
  const polling = step === 'polling';
  if ((step === 'showCode' || polling) && device) {
    return (
      <div className="space-y-4">
        <DeviceTvScreen device={device} issuedAt={context.deviceIssuedAt} live={live} />
        {polling && (
          <DevicePollLog polls={context.polls} interval={context.interval} polling={live} onPollNow={() => send({ type: 'user.pollNow' })} />
        )}
      </div>
    );
  }
  if (step === 'accessDenied' || step === 'expired' || (step === 'failed' && context.polls.length > 0)) {
    return <DevicePollLog polls={context.polls} interval={context.interval} polling={false} onPollNow={() => undefined} />;
  }
  if (step === 'tokenResponse' && context.tokens) {
    const t = context.tokens;
    return (
      <div className="space-y-4">
        <DevicePollLog polls={context.polls} interval={context.interval} polling={false} onPollNow={() => undefined} />
        <FieldTable
          caption="The token response of the last poll (RFC 6749 §5.1)"
          fields={[
            { name: 'access_token', value: shorten(t.access_token), why: `For the resource server: a JWT (RFC 9068) with aud = ${context.input.realm.resource}. The TV sends it, it does not read it.` },
            { name: 'token_type', value: t.token_type, why: 'Bearer: whoever holds it may use it (RFC 6750 §1.2), so it must only travel over TLS (§5.3).' },
            { name: 'expires_in', value: t.expires_in, why: 'Seconds the access token stays valid.' },
            { name: 'scope', value: t.scope, why: 'What was granted; it may be less than what the TV asked for (RFC 6749 §3.3).' },
            { name: 'id_token', value: shorten(t.id_token), why: t.id_token ? 'For the TV: who signed in on the second device (OIDC Core §2); there because openid was asked for.' : 'No ID token: openid was not in the scope.' },
            { name: 'refresh_token', value: shorten(t.refresh_token), why: t.refresh_token ? 'Lets the TV get new access tokens later without showing a code again (offline_access); rotated on every use.' : 'No refresh token: offline_access was not granted.' },
          ]}
        />
      </div>
    );
  }
  return null;
}
