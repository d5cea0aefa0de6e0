'use client';
import type { DeviceCodeContext } from '@/machines/device-code.machine';
import type { StepMeta } from '@/machines/step-meta';
import { DevicePollLog } from './device-poll-log';
import { DeviceTvScreen } from './device-tv-screen';
import type { FlowExtrasProps } from './flow-definition';

interface Field {
  name: string;
  value: string | number | undefined;
}

/** The fields of one response, with what each means from the step's meta. */
function FieldTable({ caption, fields, meta }: { caption: string; fields: Field[]; meta: StepMeta }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">
              Field
            </th>
            <th scope="col" className="pr-2">
              Value
            </th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name} className="border-t border-slate-200 align-top">
              <th scope="row" className="py-1 pr-2 font-mono">
                {f.name}
              </th>
              <td className="max-w-xs break-all py-1 pr-2 font-mono text-xs">{f.value === undefined ? '(absent)' : String(f.value)}</td>
              <td className="py-1">{meta.fields?.[f.name]?.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const shorten = (token: string | undefined) => (token && token.length > 40 ? `${token.slice(0, 32)}…` : token);

/** Step-specific panels of the device flow: the §3.2 response explained, the TV screen, the poll log, the token response. */
export function DeviceCodeExtras({ step, meta, context: base, live, send }: FlowExtrasProps) {
  const context = base as DeviceCodeContext;
  const device = context.device;
  if (step === 'deviceAuthorization' && device) {
    return (
      <FieldTable
        caption="The device authorization response (RFC 8628 §3.2)"
        meta={meta}
        fields={[
          { name: 'device_code', value: device.device_code },
          { name: 'user_code', value: device.user_code },
          { name: 'verification_uri', value: device.verification_uri },
          { name: 'verification_uri_complete', value: device.verification_uri_complete },
          { name: 'expires_in', value: device.expires_in },
          { name: 'interval', value: device.interval },
        ]}
      />
    );
  }
  const log = (polling: boolean) => (
    <DevicePollLog
      polls={context.polls}
      exchanges={context.exchanges}
      interval={context.interval}
      polling={polling}
      onPollNow={() => send({ type: 'user.pollNow' })}
    />
  );
  if (step === 'polling' && device) {
    return (
      <div className="space-y-4">
        <DeviceTvScreen device={device} issuedAt={context.deviceIssuedAt} live={live} />
        {log(live)}
      </div>
    );
  }
  if (step === 'accessDenied' || step === 'expired' || (step === 'failed' && context.polls.length > 0)) return log(false);
  if (step === 'tokenResponse' && context.tokens) {
    const t = context.tokens;
    return (
      <div className="space-y-4">
        {log(false)}
        <FieldTable
          caption="The token response of the last poll (RFC 6749 §5.1)"
          meta={meta}
          fields={[
            { name: 'access_token', value: shorten(t.access_token) },
            { name: 'token_type', value: t.token_type },
            { name: 'expires_in', value: t.expires_in },
            { name: 'scope', value: t.scope },
            { name: 'id_token', value: shorten(t.id_token) },
            { name: 'refresh_token', value: shorten(t.refresh_token) },
          ]}
        />
      </div>
    );
  }
  return null;
}
