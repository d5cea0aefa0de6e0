import { MAX_FIELD_LENGTH } from '../read-form';
import type { Realm } from '../../realms/types';
import { FILL_SCRIPT, html, raw } from './html';
import { page } from './layout';

export function loginPage(
  realm: Realm,
  pendingId: string,
  clientName: string,
  error?: string,
  status = 200,
  headers: Record<string, string | string[]> = {},
): Response {
  const users = [...realm.users.values()];
  return page(
    'Sign in',
    html`<h1>Sign in</h1>
<p><strong>${clientName}</strong> wants you to sign in with the Demo Identity Provider.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/as/${realm.id}/login">
<input type="hidden" name="pending" value="${pendingId}">
<label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username" maxlength="${MAX_FIELD_LENGTH}" required autofocus>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" maxlength="${MAX_FIELD_LENGTH}" required>
<button type="submit" class="primary">Sign in</button>
</form>
<div class="hint"><p>This is a demo. Accounts: ${users.map((u, i) => html`${i ? ', ' : ''}<code>${u.username}</code> / <code>${u.password}</code>`)}</p>
${users.map((u) => html`<button type="button" data-fill-user="${u.username}" data-fill-password="${u.password}">Fill demo user ${u.username}</button>`)}</div>
<script>${raw(FILL_SCRIPT)}</script>`,
    status,
    headers,
  );
}
