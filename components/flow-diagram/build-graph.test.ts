import { describe, expect, it } from 'vitest';
import { demoRealm, realmAt } from '@/lib/realms/descriptor';
import { buildGraph } from './build-graph';

const roles = (realm = demoRealm('http://localhost:3000')) =>
  Object.fromEntries(buildGraph({ actors: ['client', 'as', 'rs'], pastEdges: [], currentEdges: ['client->rs:photos'], knows: {}, realm }).nodes.map((n) => [n.id, n.data.role]));

describe('buildGraph', () => {
  it('names the realm the flow plays against on the AS and RS nodes', () => {
    expect(roles()).toMatchObject({ as: '/as/demo', rs: '/rs/demo' });
    expect(roles(realmAt('http://localhost:3000', 'lab-Xy_1', []))).toMatchObject({ as: '/as/lab-Xy_1', rs: '/rs/lab-Xy_1' });
  });
});
