/**
 * How many live entries of each kind (the key's part before `:`, after any realm prefix) a store
 * keeps: per process in memory, for all instances together in Redis. Kinds anyone can create
 * without credentials (`pending` authorization requests, `device` authorizations, `rate` counters)
 * are bounded apart from the security state a refusal must never push out (`grant-revoked`,
 * `code-spent`, `rt-spent`, `at`, sessions).
 */
export const DEFAULT_KIND_LIMITS: Readonly<Record<string, number>> = {
  pending: 20_000,
  device: 20_000,
  'user-code': 20_000,
  rate: 100_000,
  session: 50_000,
  code: 50_000,
  'code-spent': 200_000,
  rt: 200_000,
  'rt-spent': 200_000,
  at: 400_000,
  'grant-revoked': 200_000,
  // RFC 9449 §11.1: seen DPoP proof jtis, each kept 2 min; a full kind refuses proofs, never forgets one.
  'dpop-jti': 200_000,
};
/** Any kind not named above. */
export const DEFAULT_LIMIT = 50_000;
