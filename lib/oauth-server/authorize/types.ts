import type { ClientConfig } from '../../realms/types';

/** An authorization request after every check passed (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export interface ValidatedRequest {
  clientId: string;
  redirectUri: string;
  scope: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  prompt?: string;
  /** `code` unless a lab realm allows the implicit grant and the client asked for `token`. */
  responseType?: 'code' | 'token';
}

/** What the checks see: the raw params, and what earlier checks established. */
export interface CheckContext {
  params: Map<string, string>;
  client?: ClientConfig;
  request: Partial<ValidatedRequest>;
}

/**
 * Raised when the error must be reported by redirect (RFC 6749 §4.1.2.1): the client and
 * redirect URI are already trusted. Errors before that are OAuthErrors shown as a page.
 */
export class RedirectableError extends Error {
  /** Filled in by the pipeline: where and with which state to report it. */
  target?: { redirectUri: string; state?: string };
  constructor(
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}
