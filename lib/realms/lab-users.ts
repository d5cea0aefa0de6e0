import type { UserAccount } from './types';

/**
 * Accounts that only lab realms have, besides the demo users: Mallory's own account, with which she
 * signs in for the login-CSRF attack (RFC 9700 §4.7). `demo` keeps exactly alice and bob (DESIGN.md).
 */
export const LAB_ONLY_USERS: readonly UserAccount[] = [
  { username: 'mallory', password: 'mischief', name: 'Mallory Mischief', email: 'mallory@example.com', emailVerified: true },
];
