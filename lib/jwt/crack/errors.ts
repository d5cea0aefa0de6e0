/** Stable codes callers switch on (never on the message). */
export type CrackErrorCode =
  /** Not a compact JWS with a JSON header and a decodable signature, or an HS256 MAC that is not 32 bytes. */
  | 'ERR_CRACK_MALFORMED_TOKEN'
  /** `alg` is not HS256: not an HMAC (nothing to guess), or HS384/HS512 (out of scope). */
  | 'ERR_CRACK_UNSUPPORTED_ALG'
  /** The signing input is over {@link MAX_SIGNING_INPUT}; every guess would hash all of it. */
  | 'ERR_CRACK_TOKEN_TOO_LARGE'
  /** Forging: the secret given does not produce the token's own signature, so it is not the token's secret. */
  | 'ERR_CRACK_WRONG_SECRET'
  /** The wordlist could not be had: a URL off the app's `/wordlists/`, a failed fetch, a bad message. */
  | 'ERR_CRACK_WORDLIST';

/** Real tokens are far smaller; past this each guess would hash kilobytes. */
export const MAX_SIGNING_INPUT = 64 * 1024;

export class CrackError extends Error {
  readonly code: CrackErrorCode;
  constructor(code: CrackErrorCode, message: string) {
    super(message);
    this.name = 'CrackError';
    this.code = code;
  }
}
