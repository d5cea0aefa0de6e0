import { rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, REPLAY_STEP } from './token-steps';

export const CLICKJACKING_STEPS = {
  discover: {
    title: 'Mallory reads the authorization server’s metadata',
    explanation:
      'She reads the discovery document for the authorization endpoint: the page whose consent screen she wants Alice to approve without knowing it.',
    specs: [rfc(8414, '3')],
    notice: ['Clickjacking needs no bug in OAuth itself: only an authorization server whose pages any site may frame.'],
    edges: ['attacker->as:discovery'],
  },
  craft: {
    title: 'Mallory starts an authorization request of her own',
    explanation:
      'She builds an authorization request (code flow, PKCE with a verifier she keeps) and a page on her site that frames it under a decoy button. Whoever approves that request, she can redeem the code: she made the request.',
    specs: [rfc(6749, '4.1.1'), rfc(7636, '4.3'), rfc(9700, '4.16')],
    notice: [
      'In the lab her request uses the demo client spa, whose callback is on this origin: her same-origin ' +
        'page sends the form Alice’s click submits and reads the code from the AS’s redirect. In real life ' +
        'she registers her own client, and the AS sends the code to her redirect URI.',
    ],
    edges: ['attacker->user:link'],
    knows: { attacker: ['her code_verifier', 'her state'] },
  },
  checkFraming: {
    title: 'Mallory checks whether the AS’s pages may be framed',
    explanation:
      'She requests the page she will frame and reads two response headers. The browser decides framing from them: the CSP frame-ancestors directive, which takes precedence where a browser supports it, and the older X-Frame-Options (RFC 7034).',
    specs: [rfc(9700, '4.16'), rfc(6819, '4.4.1.9')],
    notice: [
      "No frame-ancestors and no X-Frame-Options: any page may frame it. frame-ancestors 'none' or X-Frame-Options: DENY: no page may, not even one of the same origin.",
    ],
    edges: ['attacker->as:frame-check'],
  },
  aliceVisits: {
    title: 'Alice opens Mallory’s prize page',
    explanation:
      'You are Alice. Mallory’s page shows a red “Claim your prize” button with the authorization server’s ' +
      'page framed above it. In the lab the frame is half visible; a real attack makes it invisible, so ' +
      'Alice sees only the decoy. Sign in inside the frame (alice / wonderland), then press the prize ' +
      'button, and come back with Back to the lab.',
    specs: [rfc(6749, '10.13'), rfc(9700, '4.16')],
    notice: [
      'Her page frames the AS with a sandbox that blocks the frame’s scripts: JavaScript frame-busting on the AS page would not run. Only headers the browser enforces stop framing.',
      'Her page is on the same origin as the framed page, so it can read the frame’s document and reports whether the browser rendered it or refused it.',
    ],
    edges: ['browser->attacker:lure', 'browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  collect: {
    title: 'Mallory looks at what her page saw and caught',
    explanation:
      'She reads her page’s report on its frame (GET /attacker/{realm}/frame-check) and her site’s log for a code carrying her request’s state.',
    specs: [rfc(6749, '4.1.2'), rfc(9700, '4.16')],
    notice: [
      'The frame report is her page’s own probe, not loot: it stays out of the Attacker’s console, which shows only what reached her.',
    ],
    edges: ['browser->attacker:code'],
    knows: { attacker: ['Alice’s authorization code (if she clicked)'] },
  },
  redeem: {
    title: 'Mallory redeems the code',
    explanation:
      'She sends the code with her own code_verifier to the token endpoint. PKCE does not help here: Mallory made the request, so the verifier is hers.',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.5')],
    notice: [
      'PKCE binds the code to whoever started the request. Clickjacking makes the victim approve the attacker’s own request, so the binding works for her.',
    ],
    edges: ['attacker->as:token'],
    knows: { attacker: ['an access token for Alice’s photos'] },
  },
  replay: {
    ...REPLAY_STEP,
    title: 'Mallory reads Alice’s photos',
    explanation: 'She calls GET /photos with the access token the AS issued for the consent Alice did not mean to give.',
    edges: ['attacker->rs:replay'],
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The consent page is the user’s one chance to say no. If another site can frame it and lay a decoy ' +
      'over it, the click is not the user’s decision. The browser enforces the AS’s frame-ancestors and ' +
      'X-Frame-Options headers; the hardened AS sends both on every page.',
    specs: [rfc(9700, '4.16'), rfc(6749, '10.13'), rfc(6819, '4.4.1.9')],
    notice: ['Compare the frame-check step in both modes: the same request, two headers apart.'],
    edges: [],
    pause: 'end',
    fix: {
      text:
        "Send Content-Security-Policy: frame-ancestors 'none' (or a list of the origins allowed to frame) and " +
        'X-Frame-Options: DENY for older browsers on every authorization server page; frame-busting ' +
        'JavaScript alone is not enough (a sandboxed frame does not run it).',
      specs: [rfc(9700, '4.16'), rfc(6819, '4.4.1.9')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
