import { authorizationCodeMachine } from '@/machines/authorization-code.machine';
import { AuthCodeExtras } from '../auth-code-extras';
import type { FlowDefinition } from '../flow-definition';

export const authorizationCode: FlowDefinition = {
  machine: authorizationCodeMachine,
  defaults: { client: 'spa', authMethod: 'none', scope: 'openid profile email photos:read' },
  clients: [
    { id: 'spa', label: 'spa — public single-page app (no secret)', methods: ['none'] },
    {
      id: 'web',
      label: 'web — confidential web server (secret web-secret)',
      secret: 'web-secret',
      methods: ['client_secret_basic', 'client_secret_post'],
    },
  ],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write'],
  dpopOption: true,
  Extras: AuthCodeExtras,
};
