import { PROLOGUE_STEPS } from './auth-code-prologue';
import { failedStep, oidc, rfc, RS_REPORT_NOTICE, RS_CHECKLIST, type StepMeta } from './step-meta';

const REFRESH_CHECKLIST = { title: 'What the client checked in the refresh response (RFC 9700 §4.14.2, OIDC Core §12.2)' };

const REFRESH_SPECS = [rfc(6749, '6'), rfc(9700, '4.14.2'), oidc('12.1', 'RefreshingAccessToken'), oidc('12.2', 'RefreshTokenResponse')];

/**
 * The refresh-token steps: a short sign-in (the authorization-code prologue, retold where the
 * refresh token matters), then two rotations, and the replay that revokes the family.
 */
export const REFRESH_TOKEN_STEPS = {
  ...PROLOGUE_STEPS,
  buildUrl: {
    ...PROLOGUE_STEPS.buildUrl,
    notice: [
      'The scope asks for `offline_access`: a refresh token that keeps working while you are away (OIDC Core §11). This AS issues refresh tokens only then: its own policy, not a rule of the spec.',
      'Because of that the client also sends `prompt=consent`: the AS must obtain your consent before it hands out offline access (OIDC Core §11).',
    ],
  },
  tokenRequest: {
    ...PROLOGUE_STEPS.tokenRequest,
    title: 'Redeem the code: the first refresh token',
    explanation:
      'The client redeems the code with its verifier, as in the authorization-code flow. Because you granted offline_access, the answer carries a refresh_token beside the access and ID tokens. It is opaque: only the AS can tell what it stands for.',
    specs: [rfc(6749, '4.1.3'), rfc(6749, '5.1'), oidc('11', 'OfflineAccess'), rfc(6749, '1.5')],
    notice: [
      'The refresh token is refresh token #1, the start of a family: every token rotated from it belongs to the same grant.',
      'It is meant for the token endpoint only; it never goes to the resource server (RFC 6749 §1.5).',
      'This AS issues a refresh token only when offline_access was granted: its policy; OAuth leaves the choice to the AS (RFC 6749 §1.5).',
    ],
    knows: { client: ['access token #1', 'refresh token #1', 'ID token'], as: ['family of refresh token #1'] },
  },
  refresh1: {
    title: 'Refresh: a new access token, and a new refresh token',
    explanation:
      'The client POSTs grant_type=refresh_token with refresh token #1 (and authenticates, if it is ' +
      'confidential). No browser and no user: this works while you are away. The AS answers with a new ' +
      'access token and, because it rotates, a new refresh token #2. Refresh token #1 is now spent.',
    specs: REFRESH_SPECS,
    notice: [
      'Compare old and new below: a different refresh token, and an access token with a new jti, iat and exp.',
      'RFC 6749 §6: when a new refresh token is issued, the client MUST discard the old one.',
      'The AS keeps a note that #1 is spent, so it can recognise it if it ever comes back (RFC 9700 §4.14.2).',
    ],
    edges: ['client->as:refresh', 'client->as:jwks'],
    knows: { client: ['access token #2', 'refresh token #2'], as: ['#1 spent (remembered)'] },
    checklist: REFRESH_CHECKLIST,
  },
  callApi: {
    title: 'Call the API with the new access token',
    explanation:
      'The client calls GET /photos on the resource server with access token #2. For the resource server it is an ordinary access token: it cannot tell, and need not know, that it came from a refresh.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: ['The refresh token is never sent here: only the AS accepts it.', RS_REPORT_NOTICE],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  refresh2: {
    title: 'Refresh again: every use rotates',
    explanation:
      'Some minutes later the client refreshes again, with refresh token #2, the current one. Again the AS answers with a new pair: refresh token #3 replaces #2, which is now spent too.',
    specs: REFRESH_SPECS,
    notice: [
      'Each refresh token works exactly once. The family keeps its absolute lifetime (24 hours after sign-in here): rotation does not extend it.',
    ],
    edges: ['client->as:refresh'],
    knows: { client: ['access token #3', 'refresh token #3'], as: ['#2 spent (remembered)'] },
    checklist: REFRESH_CHECKLIST,
  },
  replaySpent: {
    title: 'Replay a spent refresh token',
    explanation:
      'Suppose refresh token #1 was copied from the client (a log, a backup, malware in the browser). ' +
      'Whoever holds the copy now presents it. Press the button to send #1 again, exactly as the client did ' +
      'at the first refresh: the AS cannot tell who is sending it.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '10.4'), rfc(6749, '5.2')],
    notice: [
      'A spent token coming back means two parties hold it. The AS cannot know which one is the thief, so it revokes the whole family (RFC 9700 §4.14.2).',
      'For the confidential client web, a thief would also need its secret: the refresh token is bound to the client that got it (RFC 6749 §10.4).',
    ],
    edges: ['client->as:refresh'],
    knows: { as: ['family revoked'] },
    pause: 'wait',
  },
  tryCurrent: {
    title: 'Now the current refresh token is refused too',
    explanation:
      'The legitimate client still holds refresh token #3, which it never misused. Press the button to use it: the AS refuses it as well, because the whole family was revoked.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '5.2')],
    notice: ['This is the price of rotation: the honest client loses its session too and must send the user through the sign-in again.'],
    edges: ['client->as:refresh'],
    pause: 'wait',
  },
  callApiRevoked: {
    title: 'And the family\u2019s access token is refused by the API',
    explanation:
      'The client calls the API with access token #3, issued by the last refresh and not yet expired. This AS revokes the grant behind the family, and its resource server looks the grant up on every request, so it answers 401 invalid_token.',
    specs: [rfc(6750, '3.1'), rfc(9068, '4'), rfc(9700, '4.14.2')],
    notice: [
      'The JWT itself is still valid: in the resource server\u2019s report below, every check made on the token alone passes. Only the lookup of the grant ("Not revoked") fails: the revocation is not in the token.',
      'A resource server that only validates JWTs locally would keep accepting the token until its exp (10 minutes here): that is why access tokens are short-lived.',
    ],
    edges: ['client->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  done: {
    title: 'What rotation buys, and what it costs',
    explanation:
      'With rotation, a stolen refresh token is detected the first time both the thief and the client use it, whichever comes second, and the whole family dies. Without it, a stolen refresh token works silently until it expires.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '10.4'), rfc(6749, '6')],
    notice: [
      'It buys: detection on the first reuse by either party, and a spent token is worthless to anyone who copies it later.',
      'It costs: the honest client is logged out too, and the AS must remember spent tokens. A response lost on the network leaves the client holding a spent token: its next refresh looks like a theft.',
      'Public clients such as spa cannot keep a secret, so RFC 9700 §4.14.2 requires rotation or ' +
        'sender-constrained refresh tokens for them: DPoP (RFC 9449) binds a token to a key the client holds ' +
        'and proves with every request, mTLS to its TLS certificate.',
    ],
    edges: [],
    pause: 'end',
  },
  failed: failedStep([
    'No refresh token in the first answer? This AS issues one only when offline_access is requested and granted (OIDC Core §11): its policy, not a rule of the spec.',
  ]),
} satisfies Record<string, StepMeta>;

export type RefreshTokenStep = keyof typeof REFRESH_TOKEN_STEPS;
