import { COMMON_SECRETS } from '../jwt/findings/common-secrets';

/**
 * The secrets a lab realm with `as-hs256-weak-secret` may sign with: the first printable entries of
 * the common-secrets list, which head the cracker's wordlist (public/wordlists), so it finds them early.
 */
export const LAB_WEAK_SECRETS: readonly string[] = COMMON_SECRETS.filter((s) => /^[\x21-\x7e]{4,}$/.test(s)).slice(0, 120);
