import { setServerState, type ServerState } from '@/lib/realms/registry';
import { handleServerRequest } from '@/lib/server-router';

export const ORIGIN = 'http://localhost:3000';

/**
 * A `fetch` served in-process by one app instance (its own server state): before each request the
 * process state is switched to it. Requests must run one at a time (await each) when several
 * instances share the process.
 */
export function via(instance: ServerState): typeof fetch {
  return async (input, init) => {
    setServerState(instance);
    const url = input instanceof Request ? input.url : String(input);
    return handleServerRequest(new Request(new URL(url, ORIGIN), init));
  };
}
