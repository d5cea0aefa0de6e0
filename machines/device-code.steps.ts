import { oidc, rfc, RS_REPORT_NOTICE, ID_TOKEN_CHECKLIST, RS_CHECKLIST, type StepMeta } from './step-meta';

/** The device authorization grant (RFC 8628) steps, in order. Read by the machine's state `meta`. */
export const DEVICE_CODE_STEPS = {
  discover: {
    title: 'The TV discovers the authorization server',
    explanation:
      'The TV is the OAuth client here: a public client with no browser and no keyboard worth typing on. It reads the discovery document to learn the device authorization endpoint and the token endpoint.',
    specs: [
      rfc(8628, '4'),
      rfc(8414, '3'),
      { label: 'OIDC Discovery §4', href: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig' },
    ],
    notice: [
      '`device_authorization_endpoint` is the metadata field RFC 8628 §4 adds; a client that finds none cannot use this grant with that server.',
    ],
    edges: ['tv->as:discovery'],
    knows: { tv: ['issuer', 'endpoints'] },
  },
  deviceAuthorization: {
    title: 'Ask for a device code and a user code',
    explanation:
      'The TV POSTs its client_id and the scopes it wants to the device authorization endpoint. The AS ' +
      'answers with two codes for the same request: a long device_code that only the TV keeps, and a short ' +
      'user_code for a person to type. Each field is explained below.',
    specs: [rfc(8628, '3.1'), rfc(8628, '3.2')],
    notice: [
      'The TV is a public client: it sends client_id in the body and no secret (RFC 6749 §2.1): anyone could pull a secret out of the TV\u2019s firmware.',
      'The two codes are linked only inside the AS: knowing the user_code does not reveal the device_code.',
    ],
    edges: ['tv->as:device_authorization'],
    fields: {
      device_code: { why: 'The device verification code. Only the TV keeps it; it sends it with every poll and never shows it.' },
      user_code: { why: 'The end-user verification code: short, for a person to read on the TV and type on another device.' },
      verification_uri: { why: 'The verification page on the AS, short enough to type into a browser by hand.' },
      verification_uri_complete: {
        why: 'Optional: the same page with the user_code already in it, meant for non-textual transmission such as a QR code (§3.3.1).',
      },
      expires_in: { why: 'Lifetime in seconds of the device_code and the user_code.' },
      interval: { why: 'Optional: the minimum number of seconds the TV should wait between polls of the token endpoint; 5 when absent.' },
    },
    knows: { tv: ['device_code', 'user_code'], as: ['device_code', 'user_code', 'client_id', 'scope'] },
  },
  polling: {
    title: 'The TV shows the code and starts polling',
    explanation:
      'The TV asks you to use another device: open the verification URI and type the user code there, or ' +
      'scan the QR code, which carries `verification_uri_complete` (the URI with the code already in it). ' +
      'At the same moment, as a real TV does, it starts polling the token endpoint with its `device_code`: ' +
      'nothing on your phone can reach the TV, so it asks, waits `interval` seconds, and asks again. ' +
      '`authorization_pending` means "not yet"; `slow_down` means "you asked too soon", and the TV adds 5 ' +
      'seconds to its interval for this and every later request. Each poll is a line of the poll log below; ' +
      'open one to read its HTTP. Press "Poll now (too fast)" to break the rule once and watch the interval ' +
      'grow.',
    specs: [rfc(8628, '3.3'), rfc(8628, '3.3.1'), rfc(8628, '3.4'), rfc(8628, '3.5'), rfc(8628, '5.4')],
    notice: [
      'Be the user now: open the verification page (the link below plays the second device), sign in as a demo user and Allow or Deny. The TV learns your decision only from its next poll (RFC 8628 §3.4).',
      'The verification page shows the code you are approving: check that it is the one on the TV before ' +
        'you Allow. Remote phishing (RFC 8628 §5.4): an attacker can start this flow on their own device and ' +
        'send you the link, and with `verification_uri_complete` you never typed the code; the AS also names ' +
        'the device ("Photo Frame TV") so you can notice.',
      'The TV still shows the plain `verification_uri` and the `user_code` beside the QR code: not everyone can scan, and the TV must show the code because the AS may ask you to confirm it (RFC 8628 §3.3.1).',
      'The `device_code` travels only on the back channel, in every poll: it is never on the TV screen or in the QR code. If the AS gives no `interval`, the TV must wait 5 seconds (RFC 8628 §3.2).',
      'The user code is 8 consonants (no vowels, so no words), about 34.5 bits, compared without case or dashes (RFC 8628 §6.1); the AS rate-limits wrong guesses (§5.1).',
    ],
    edges: ['tv->user:show-code', 'tv->as:token', 'user->phone:scan', 'phone->as:device'],
    knows: { user: ['user_code', 'verification_uri'], phone: ['verification_uri_complete', 'user_code'], as: ['the user\u2019s decision'] },
    pause: 'wait',
  },
  tokenResponse: {
    title: 'After you allow, the next poll returns the tokens',
    explanation:
      'Once you allowed, the next poll got HTTP 200 with an ordinary token response: an access token for ' +
      'the API, an ID token saying who signed in when openid was asked for, and a refresh token when ' +
      'offline_access was granted, so the TV need not show a code again. The device_code is now spent.',
    specs: [rfc(8628, '3.5'), rfc(6749, '5.1'), oidc('3.1.3.3', 'TokenResponse')],
    notice: [
      'Polling stopped on this answer: there is nothing more to wait for.',
      'This AS treats the device_code as single-use, like an authorization code: another poll with it gets invalid_grant.',
    ],
    edges: ['tv->as:token'],
    knows: { tv: ['access token', 'ID token', 'refresh token?'] },
    fields: {
      access_token: { why: 'For the resource server: a JWT (RFC 9068) whose aud names that server. The TV sends it, it does not read it.' },
      token_type: { why: 'Bearer: whoever holds it may use it (RFC 6750 §1.2), so it must only travel over TLS (§5.3).' },
      expires_in: { why: 'Seconds the access token stays valid.' },
      scope: { why: 'What was granted; it may be less than what the TV asked for (RFC 6749 §3.3).' },
      id_token: { why: 'For the TV: who signed in on the second device (OIDC Core §2). Only there when openid was asked for.' },
      refresh_token: {
        why: 'Lets the TV get new access tokens later without showing a code again, rotated on every use. Only there when offline_access was granted.',
      },
    },
  },
  validateIdToken: {
    title: 'Validate the ID token',
    explanation:
      'The TV fetches the JWKS and checks the ID token: signature, issuer, audience (its own client_id), azp, expiry, and at_hash, which binds it to the access token.',
    specs: [oidc('3.1.3.7', 'IDTokenValidation'), rfc(7517, '5')],
    notice: [
      'There is no nonce check: the device flow sends no authentication request that could carry a nonce, ' +
        'and OIDC Core §3.1.3.7 (11) applies only when one was sent. The ID token came straight from the ' +
        'token endpoint over TLS, on a request only the device_code holder could make.',
    ],
    edges: ['tv->as:jwks'],
    knows: { tv: ['who the user is (sub)'] },
    checklist: ID_TOKEN_CHECKLIST,
  },
  callApi: {
    title: 'Call the API with the access token',
    explanation:
      'The TV calls GET /photos on the resource server with the access token in the Authorization header. The resource server validates the JWT itself, as RFC 9068 §4 requires, before answering.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE, 'Without photos:read in the scope the RS answers 403 insufficient_scope (RFC 6750 §3.1).'],
    edges: ['tv->rs:photos'],
    checklist: RS_CHECKLIST,
  },
  done: {
    title: 'Done: the TV is signed in',
    explanation:
      'The TV got tokens without you ever typing a password on it. It calls the API until the access token expires, then uses the refresh token (if offline_access was granted).',
    specs: [rfc(8628, '1')],
    notice: ['Go back over any step with Back or ←: nothing is sent again.'],
    edges: [],
    pause: 'end',
  },
  accessDenied: {
    title: 'You denied: access_denied',
    explanation:
      'You chose Deny on the verification page, so the next poll was answered with access_denied. The authorization request is over: the TV stops polling and gets no token. It may offer to start again, with a new device authorization request.',
    specs: [rfc(8628, '3.5')],
    notice: ['This AS forgets the device_code once it has answered access_denied: polling on would not help.'],
    edges: ['tv->as:token'],
    pause: 'end',
  },
  expired: {
    title: 'The code expired: expired_token',
    explanation:
      'Nobody approved before expires_in ran out, so the AS answered expired_token: the device ' +
      'authorization session has concluded. The TV must start over with a new device authorization request; ' +
      'it should wait for the user to ask before doing so, rather than polling on by itself.',
    specs: [rfc(8628, '3.5'), rfc(8628, '3.2')],
    notice: ['In this realm a device code lives 600 seconds.'],
    edges: ['tv->as:token'],
    pause: 'end',
  },
  failed: {
    title: 'The flow stopped on an error',
    explanation:
      'A request failed or a check did not pass. An error from the token endpoint other than authorization_pending and slow_down ends the polling (RFC 8628 §3.5). The error below says what and where.',
    specs: [rfc(8628, '3.5'), rfc(6749, '5.2')],
    notice: [
      'This TV stops on a network error too. A device that retries instead must first lower its polling frequency (RFC 8628 §3.5, on a connection timeout).',
    ],
    edges: [],
    pause: 'end',
  },
} satisfies Record<string, StepMeta>;

export type DeviceCodeStep = keyof typeof DEVICE_CODE_STEPS;
