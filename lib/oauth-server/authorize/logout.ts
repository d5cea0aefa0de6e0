import type { Realm } from '../../realms/types';
import { refuseCrossSitePost } from '../cross-site';
import { requireMethod } from '../http';
import { html, seeOther } from '../pages/html';
import { page } from '../pages/layout';
import { destroySession, getSession } from '../session';

/** GET shows a Sign out button (or "signed out"); POST ends the AS session and 303s back. */
export async function logoutEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const refused = refuseCrossSitePost(request, realm);
  if (refused) return refused;
  if (request.method === 'POST') {
    const cookie = await destroySession(request, realm);
    return seeOther(`/as/${realm.id}/logout`, cookie ? { 'Set-Cookie': cookie } : {});
  }
  const session = await getSession(request, realm);
  if (!session)
    return page('Signed out', html`<h1>You are signed out</h1><p>The Demo Identity Provider no longer remembers you in this browser.</p>`);
  return page(
    'Sign out',
    html`<h1>Sign out</h1><p>Signed in as <strong>${session.sub}</strong>.</p>
<form method="post" action="/as/${realm.id}/logout"><button type="submit" class="primary">Sign out</button></form>`,
  );
}
