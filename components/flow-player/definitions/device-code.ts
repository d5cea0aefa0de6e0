import { deviceCodeMachine } from '@/machines/device-code.machine';
import { DeviceCodeExtras } from '../device-code-extras';
import type { FlowDefinition } from '../flow-definition';

export const deviceCode: FlowDefinition = {
  machine: deviceCodeMachine,
  defaults: { client: 'tv', authMethod: 'none', scope: 'openid profile offline_access photos:read' },
  clients: [{ id: 'tv', label: 'tv — public device client, Photo Frame TV (no secret)', methods: ['none'] }],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write'],
  Extras: DeviceCodeExtras,
};
