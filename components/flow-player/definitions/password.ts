import { passwordMachine } from '@/machines/password.machine';
import { PasswordExtras } from '../password-extras';
import type { FlowDefinition } from '../flow-definition';

export const password: FlowDefinition = {
  machine: passwordMachine,
  defaults: { client: 'legacy-app', authMethod: 'client_secret_basic', scope: 'profile photos:read' },
  clients: [
    {
      id: 'legacy-app',
      label: 'legacy-app — confidential app registered for the password grant (secret legacy-secret)',
      secret: 'legacy-secret',
      methods: ['client_secret_basic', 'client_secret_post'],
    },
  ],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write'],
  Extras: PasswordExtras,
};
