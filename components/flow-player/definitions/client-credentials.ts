import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import type { FlowDefinition } from '../flow-definition';

export const clientCredentials: FlowDefinition = {
  machine: clientCredentialsMachine,
  defaults: { client: 'service', authMethod: 'client_secret_basic', scope: 'photos:read' },
  clients: [
    {
      id: 'service',
      label: 'service — confidential backend (secret service-secret)',
      secret: 'service-secret',
      methods: ['client_secret_basic', 'client_secret_post'],
    },
  ],
  scopes: ['photos:read', 'photos:write'],
};
