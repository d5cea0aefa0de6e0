import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { EXPIRY_SETTINGS, PRINT_API } from './missing-claim-checks.actors';
import { ATTACK_FAILED_STEP } from './token-steps';

const LIFETIME = EXPIRY_SETTINGS.accessTokenLifetime;

export const MISSING_CLAIM_STEPS = {
  tokenForPhotos: {
    title: 'The printing service gets a short-lived access token',
    explanation:
      `A printing service (the lab’s \`service\` client) asks the token endpoint for an access token for ` +
      `the photos API, with client credentials. This lab realm is set to issue tokens that live ${LIFETIME} ` +
      `s (its \`accessTokenLifetime\` setting; the demo’s live 10 minutes), so that the lab can show a ` +
      `token that has really expired: \`exp\` is \`iat\` + ${LIFETIME}.`,
    specs: [rfc(6749, '4.4.2'), rfc(7519, '4.1.4'), rfc(9068, '2.2')],
    notice: [
      'Later the token leaks: a log file, a crash report, a proxy’s cache. Expired tokens are the ones people think safe to leave lying around.',
      'Decode the token in the inspector: `exp` and `iat` are seconds since 1970, by the authorization server’s clock.',
    ],
    edges: ['client->as:discovery', 'client->as:token'],
    knows: { client: ['its access token'] },
  },
  waitForExpiry: {
    title: 'Time passes: the token expires',
    explanation:
      `The lab waits \`expires_in\` + 1 s (${LIFETIME + 1} s here), counted in this browser from the moment ` +
      `the token arrived, so that by the servers’ own clock the token’s \`exp\` has passed. On or after ` +
      `\`exp\` a JWT MUST NOT be accepted; RFC 7519 §4.1.4 lets a verifier allow “some small leeway, ` +
      `usually no more than a few minutes” for clock skew. Flowlab’s resource server allows 30 s; this lab ` +
      `realm’s is set to 0 s (its \`clockTolerance\` setting), which is honest here because its AS and RS ` +
      `read one clock.`,
    specs: [rfc(7519, '4.1.4'), rfc(9068, '4')],
    notice: [
      'A token leaked last month is expired by weeks, not seconds: what matters is whether the resource server looks at `exp` at all.',
    ],
    edges: [],
    knows: { attacker: ['a leaked copy of the expired token'] },
  },
  tokenForPrintApi: {
    title: 'The printing service gets a token for Mallory’s print API',
    explanation:
      `The same authorization server also issues tokens for a second API, Mallory’s print API \`${PRINT_API}\` ` +
      `(this lab realm lists it in its \`resources\` setting). The printing service asks for a token for ` +
      `that API with the \`resource\` parameter, and the AS makes the URI the token’s \`aud\`: a genuine ` +
      `token, signed by the AS, meant for the print API. The printing service sends it with its print job, ` +
      `so Mallory, who runs the print API, now holds it. The lab runs nothing at print.example: that ` +
      `hand-over is the one part of this attack not on the wire.`,
    specs: [rfc(8707, '2.2'), rfc(8707, '2'), rfc(7519, '4.1.3'), rfc(6749, '4.4.2')],
    notice: [
      'Decode the token in the inspector: `iss`, the key (`kid`) and `typ` are those of every token this AS issues for the photos API; only `aud` differs. So only the audience check can tell the two apart.',
    ],
    edges: ['client->as:discovery', 'client->as:token'],
    knows: { client: ['a token for the print API'], attacker: ['the token her print API received'] },
  },
  replay: {
    title: 'Mallory presents the token to the photos API',
    explanation:
      'She calls `GET /photos` of this realm’s resource server with the printing service’s token as a ' +
      'bearer token. Its signature is genuine and its issuer is this realm’s AS, so it is refused only if ' +
      'the resource server checks the claim that makes it wrong here: `exp` for the expired token, `aud` ' +
      'for the print API’s token. RFC 9068 §4 requires both: `aud` must contain the resource server’s own ' +
      'identifier, and the current time must be before `exp`.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4'), rfc(8725, '3.9'), rfc(7519, '4.1.4')],
    notice: [
      RS_REPORT_NOTICE,
      'Its checks run in this order: format, alg, key, signature, typ, iss, aud, exp, then the other ' +
        'claims; the first that fails ends the check. For the print API’s token `iss` passes (the same AS ' +
        'issued it, RFC 8725 §3.8) and `aud` is the check that fires.',
    ],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A valid signature proves who issued a token, not that it is still valid or meant for this API. The ' +
      'vulnerable resource server skipped the one claim check this variant needs, `exp` or `aud`, and ' +
      'served the printing service’s photos to whoever held the token. The hardened one refused it with ' +
      '`401 invalid_token`, and its report names the check that failed.',
    specs: [rfc(9068, '4'), rfc(8725, '3.9'), rfc(7519, '4.1.4')],
    notice: ['Compare the resource server’s checklist in both modes: the vulnerable one reports the check as skipped.'],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Check every claim RFC 9068 §4 lists, on every request: `exp` against your own clock with at most a ' +
        'small leeway, and `aud` containing this API’s own identifier; and have clients ask for a token per ' +
        'API (`resource`), so that a token leaked from one API is useless at another.',
      specs: [rfc(9068, '4'), rfc(7519, '4.1.4'), rfc(8725, '3.9'), rfc(8707, '1')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
