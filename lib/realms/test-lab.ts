// Test helper: lab realms created the way the attack lab creates them, through POST /api/realms.
import { inProcessFetch } from '../server-router';
import { resolveRealm } from './registry';
import type { Realm } from './types';

export const LAB_ORIGIN = 'http://localhost:3000';

export interface LabRealm {
  id: string;
  issuer: string;
  resource: string;
  expiresAt: number;
  weaknesses: string[];
  realm: () => Promise<Realm>;
}

export async function createLab(weaknesses: string[] = [], settings?: Record<string, unknown>): Promise<LabRealm> {
  const response = await inProcessFetch(`${LAB_ORIGIN}/api/realms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings ? { weaknesses, settings } : { weaknesses }),
  });
  if (response.status !== 201) throw new Error(`POST /api/realms answered ${response.status}: ${await response.text()}`);
  const doc = (await response.json()) as Omit<LabRealm, 'realm'>;
  return { ...doc, realm: async () => (await resolveRealm(doc.id, LAB_ORIGIN))! };
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return inProcessFetch(`${LAB_ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
