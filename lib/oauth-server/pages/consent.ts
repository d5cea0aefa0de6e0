import type { Realm } from '../../realms/types';
import { html } from './html';
import { page } from './layout';

export function consentPage(realm: Realm, pendingId: string, clientName: string, scope: string[], username: string, headers: Record<string, string | string[]> = {}): Response {
  return page(
    'Allow access?',
    html`<h1>Allow access?</h1>
<p>Signed in as <strong>${username}</strong>.</p>
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
