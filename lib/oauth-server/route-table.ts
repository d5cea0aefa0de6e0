import type { Realm } from '../realms/types';

export type RealmHandler = (request: Request, realm: Realm) => Promise<Response>;

/**
 * Handlers by sub-path under `/as/{realm}/` or `/rs/{realm}/` (e.g. `token`,
 * `.well-known/openid-configuration`, `photos`). Each handler checks the HTTP method
 * itself and answers 405 for others.
 */
export type RouteTable = Readonly<Record<string, RealmHandler>>;
