import { fromPromise } from 'xstate';
import { applyClientAuth, type ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { tokenCall } from './shared';
import type { StepInput, StepOutput } from './step-output';

/** Longest username or password the form passes on: the AS bounds the body too, this keeps the run's state small. */
export const MAX_CREDENTIAL = 256;

export interface PasswordGrantParams {
  username: string;
  password: string;
  scope: string;
}

/** RFC 6749 §4.3.2: the client sends the user's own username and password to the token endpoint. */
export function passwordGrantRequest(tokenEndpoint: string, client: ClientCredentials, p: PasswordGrantParams): Request {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
  const form = new URLSearchParams({ grant_type: 'password', username: p.username, password: p.password, scope: p.scope });
  applyClientAuth(client, headers, form);
  return new Request(tokenEndpoint, { method: 'POST', headers, body: form.toString() });
}

export const passwordTokenActor = fromPromise<
  StepOutput<TokenSet>,
  StepInput<{ tokenEndpoint: string; client: ClientCredentials } & PasswordGrantParams>
>(({ input }) => tokenCall(input.step, passwordGrantRequest(input.tokenEndpoint, input.client, input)));
