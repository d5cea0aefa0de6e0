import { implicitMachine } from '@/machines/implicit.machine';
import { ImplicitExtras } from '../implicit-extras';
import type { FlowDefinition } from '../flow-definition';

export const implicit: FlowDefinition = {
  machine: implicitMachine,
  defaults: { client: 'legacy-spa', authMethod: 'none', scope: 'profile photos:read' },
  clients: [{ id: 'legacy-spa', label: 'legacy-spa — public single-page app registered for the implicit grant', methods: ['none'] }],
  scopes: ['profile', 'email', 'photos:read', 'photos:write'],
  Extras: ImplicitExtras,
};
