import type { FlowDefinition } from './flow-definition';
import type { FlowSlug } from './flow-registry';

/**
 * Each definition (machine, panels) is its own chunk, loaded when its page opens: a flow page ships
 * only its own machine (and the device flow alone carries the QR code library). Typed by the
 * registry's slugs, so a grant without a loader (or a loader without a grant) does not compile.
 */
export const FLOW_LOADERS: Record<FlowSlug, () => Promise<FlowDefinition>> = {
  'authorization-code': async () => (await import('./definitions/authorization-code')).authorizationCode,
  'refresh-token': async () => (await import('./definitions/refresh-token')).refreshToken,
  'client-credentials': async () => (await import('./definitions/client-credentials')).clientCredentials,
  'device-code': async () => (await import('./definitions/device-code')).deviceCode,
  implicit: async () => (await import('./definitions/implicit')).implicit,
  password: async () => (await import('./definitions/password')).password,
};

/** The definition of a grant the registry lists; undefined for any other slug. */
export function loadFlow(slug: string): Promise<FlowDefinition> | undefined {
  return Object.hasOwn(FLOW_LOADERS, slug) ? FLOW_LOADERS[slug as FlowSlug]() : undefined;
}
