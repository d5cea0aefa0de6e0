import { fromPromise } from 'xstate';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { fail } from '@/lib/oauth-client/result';
import { deviceAuthorizationRequest, deviceTokenRequest } from '@/lib/oauth-client/token-requests';
import { processDeviceAuthorizationResponse, type DeviceAuthorization, type TokenSet } from '@/lib/oauth-client/token-response';
import { recordedCall, tokenCall } from './shared';
import type { StepOutput } from './step-output';

/** The device flow's own actors (the TV's requests); discovery and ID token validation are shared with the other flows. */

export interface DeviceAuthorizationInput {
  step: string;
  /** From discovery (RFC 8628 §4); undefined when the server does not offer the grant. */
  endpoint?: string;
  client: ClientCredentials;
  scope: string;
}

/** RFC 8628 §3.1 request, §3.2 response. */
export const deviceAuthorizationActor = fromPromise<StepOutput<DeviceAuthorization>, DeviceAuthorizationInput>(async ({ input }) => {
  const { step } = input;
  if (!input.endpoint)
    return {
      step,
      exchanges: [],
      result: fail(
        'no_device_authorization_endpoint',
        'Discovery lists no device_authorization_endpoint (RFC 8628 §4): this server does not offer the device grant.',
        step,
      ),
    };
  return recordedCall(step, deviceAuthorizationRequest(input.endpoint, input.client, input.scope), processDeviceAuthorizationResponse);
});

export interface PollInput {
  step: string;
  tokenEndpoint: string;
  client: ClientCredentials;
  deviceCode: string;
}

/**
 * One RFC 8628 §3.4 device access token request. The answer is a value: tokens, or the §3.5 error
 * code (`authorization_pending`, `slow_down`, `access_denied`, `expired_token`, …) the machine branches on.
 */
export const pollActor = fromPromise<StepOutput<TokenSet>, PollInput>(({ input }) =>
  tokenCall(input.step, deviceTokenRequest(input.tokenEndpoint, input.client, input.deviceCode)),
);
