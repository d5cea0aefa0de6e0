import { MAX_FIELD_LENGTH } from '../read-form';
import type { Realm } from '../../realms/types';
import { html } from './html';
import { page } from './layout';

export function deviceCodePage(realm: Realm, prefill: string, error?: string, status = 200): Response {
  return page(
    'Connect a device',
    html`<h1>Connect a device</h1>
<p>Enter the code shown on your device.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/as/${realm.id}/device">
<label for="user_code">Code</label><input type="text" id="user_code" name="user_code" value="${prefill}" autocomplete="off" autocapitalize="characters" maxlength="${MAX_FIELD_LENGTH}" required autofocus>
<button type="submit" class="primary">Continue</button>
</form>`,
    status,
  );
}

export function deviceDonePage(approved: boolean): Response {
  return page(
    approved ? 'Device connected' : 'Device not connected',
    approved
      ? html`<h1>Device connected</h1><p>You may return to your device. It will finish signing in by itself.</p>`
      : html`<h1>Device not connected</h1><p>You denied access. You may return to your device.</p>`,
  );
}
