import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the open-redirect chain, one meta per step (open-redirect.machine.ts). */
export const OPEN_REDIRECT_STEPS = {
  discover: {
    title: 'Mallory reads the authorization server’s metadata',
    explanation: 'Anyone may read the discovery document: it names the authorization endpoint her link will use.',
    specs: [rfc(8414, '3')],
    notice: [],
    edges: ['attacker->as:discovery'],
  },
  craft: {
    title: 'Mallory crafts an implicit link whose redirect_uri goes through the client’s redirector',
    explanation:
      'She builds an implicit-grant request (`response_type=token`) for the legacy SPA `legacy-spa`. Its `redirect_uri` ' +
      'is the registered `/flows/callback` itself, plus a query: `next=` her page. The lab’s callback page has an open ' +
      'redirector: given `next`, it answers with a redirect to that page (`realm=` only tells Flowlab’s one callback page ' +
      'which lab realm’s client it plays). A lax AS that ignores extra query parameters, or matches by prefix, accepts ' +
      'the URI as registered; exact string matching would not (RFC 9700 §4.1.3).',
    specs: [rfc(9700, '4.1.2'), rfc(9700, '4.11.1'), rfc(6749, '4.2.1')],
    notice: [
      'Neither weakness alone steals anything: the lax check still sends the token to the real client’s callback, and ' +
        'the redirector alone is never handed a token. It is the chain that delivers it.',
    ],
    edges: [],
    knows: { attacker: ['her crafted link and its state'] },
  },
  aliceOpensLink: {
    title: 'Alice opens the link, signs in and consents',
    explanation:
      'The link points at the real authorization server, so Alice sees genuine sign-in and consent pages. The AS ' +
      'answers with a redirect to the client’s callback with the token in the fragment (RFC 6749 §4.2.2). The ' +
      'callback’s redirector answers with a redirect (`307` here; any 3xx does it) whose `Location` has no fragment; the browser then keeps ' +
      'the fragment it arrived with (RFC 9110 §10.2.2), so Alice lands on Mallory’s page with `#access_token=…`, and ' +
      'her page sends `location.hash` to her site.',
    specs: [rfc(6749, '4.2.2'), rfc(9110, '10.2.2'), rfc(9110, '17.11')],
    notice: [
      'A lax AS and an open redirector: the browser ends on Mallory’s site; use its “Back to the lab” link. A hardened ' +
        'AS shows an error page instead and redirects nowhere (RFC 6749 §4.1.2.1): use the browser’s Back button, then Next.',
    ],
    edges: ['attacker->user:link', 'browser->as:authorize', 'user->as:login', 'browser->client:callback', 'browser->attacker:redirected'],
    pause: 'navigate',
  },
  collect: {
    title: 'Mallory checks what her page read from the fragment',
    explanation:
      'Her page posted its `location.hash` to her site. She looks for a fragment with the `state` of her own link and ' +
      'an `access_token`. If nothing arrived, she opens her link herself to see what the authorization server makes of it.',
    specs: [rfc(9700, '4.1.2'), rfc(6749, '4.2.2')],
    notice: ['The Attacker’s console above shows the same log live.'],
    edges: [],
    knows: { attacker: ['Alice’s access token (if it arrived)'] },
  },
  replay: {
    title: 'Mallory reads Alice’s photos',
    explanation:
      'She calls `GET /photos` with the token from the fragment. It is a genuine bearer token for alice: whoever presents it is served.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The chain needs both halves: a redirect check that lets a query through, and a page at the redirect URI that ' +
      'forwards the browser anywhere. Browsers carry a fragment across a redirect whose Location has none, so the ' +
      'implicit token follows the browser to Mallory. The hardened realm’s AS compares the redirect_uri exactly, so it ' +
      'refused the link before any token was issued; its client also has no redirector (the callback ignores `next`).',
    specs: [rfc(9700, '4.1.2'), rfc(9700, '4.1.3'), rfc(9700, '4.11.1')],
    notice: [],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Compare redirect URIs by exact string matching; expose no open redirector on the host of a redirect URI (redirect ' +
        'only to allow-listed targets); a redirector may add a fragment such as `#_` to its Location so none is carried ' +
        'over; and use the authorization code grant with PKCE instead of the implicit grant.',
      specs: [rfc(9700, '4.1.3'), rfc(9700, '4.11.1'), rfc(9700, '2.1.2')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
