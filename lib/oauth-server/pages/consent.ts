import type { Realm } from '../../realms/types';
import { html } from './html';
import { page } from './layout';

/**
 * Allow/Deny for an authorization or a device. For a device, the user code being approved is shown
 * with a warning (RFC 8628 §5.4 remote phishing: an attacker starts a flow and sends the victim a code).
 */
export function consentPage(
  realm: Realm,
  pendingId: string,
  clientName: string,
  scope: string[],
  username: string,
  headers: Record<string, string | string[]> = {},
  deviceUserCode?: string,
): Response {
  return page(
    'Allow access?',
    // Focus starts on the heading, one Tab before Allow: never on Allow itself, so a keypress meant for another
    // window cannot approve (keyjacking, the keyboard's clickjacking: RFC 9700 §4.16, RFC 6749 §10.13).
    html`<h1 tabindex="-1" autofocus>Allow access?</h1>
<p>Signed in as <strong>${username}</strong>.</p>
${
  deviceUserCode
    ? html`<p>You are connecting the device showing the code <strong class="user-code" data-user-code>${deviceUserCode}</strong>.</p>
<p class="warning">Only allow if this is the code on the screen of a device in front of you. If someone sent you this code, deny: allowing would sign their device in to your account.</p>`
    : ''
}
<p><strong>${clientName}</strong> would like to:</p>
<ul>${scope.map((s) => html`<li>${realm.scopes[s]?.description ?? s} <small>(<code>${s}</code>)</small></li>`)}</ul>
<form method="post" action="/as/${realm.id}/consent">
<input type="hidden" name="pending" value="${pendingId}">
<button type="submit" name="decision" value="allow" class="primary">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>
<form method="post" action="/as/${realm.id}/logout"><button type="submit" class="secondary">Not you? Sign out</button></form>`,
    200,
    headers,
  );
}
