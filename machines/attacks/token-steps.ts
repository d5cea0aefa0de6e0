import { failedStep, rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';

/**
 * The words every token attack shares: how Mallory gets her own real token, and how she presents
 * the forged one. Each attack's `*.steps.ts` adds its own forging step and outcome.
 */
export const OWN_TOKEN_STEP: StepMeta = {
  title: 'Mallory gets a real token of her own',
  explanation:
    'Mallory is a customer of the photo service with her own registered app (the lab’s `service` client ' +
    'plays it). She reads the discovery document and asks the token endpoint for an access token with ' +
    'client credentials: a genuine token, signed by the authorization server, that speaks for her app, ' +
    'not for Alice.',
  specs: [rfc(8414, '3'), rfc(6749, '4.4.2'), rfc(9068, '2.2')],
  notice: [
    'Decode the token in the inspector: `sub` is Mallory’s client, `aud` is this realm’s resource server, and the header names the signing algorithm and key (`alg`, `kid`).',
  ],
  edges: ['attacker->as:discovery', 'attacker->as:token'],
  knows: { attacker: ['her own access token'] },
};

export const REPLAY_STEP: StepMeta = {
  title: 'Mallory presents the forged token to the API',
  explanation:
    'She calls `GET /photos` with the forged token as a bearer token. The photos the API returns belong to whoever the token’s `sub` says the caller is.',
  specs: [rfc(6750, '2.1'), rfc(9068, '4')],
  notice: [RS_REPORT_NOTICE],
  edges: ['attacker->rs:photos'],
  checklist: RS_CHECKLIST,
};

export const ATTACK_FAILED_STEP: StepMeta = failedStep([
  'Against a lab realm that expired (after 1 h idle), press Reset: the lab makes a new one.',
]);
