import { describe, expect, it } from 'vitest';
import { ATTACK_LOADERS } from '@/components/attack-lab/attack-loaders';
import { demoRealm, realmAt } from '@/lib/realms/descriptor';
import { ACTORS, FLOW_ACTORS, NODE_WIDTH } from './actors';
import { buildGraph, type PairEdgeData } from './build-graph';
import { EDGE_CATALOG, facingHandles } from './edges';

const realm = demoRealm('http://localhost:3000');
const graph = (pastEdges: string[], currentEdges: string[], actors = FLOW_ACTORS['authorization-code']) =>
  buildGraph({ actors, pastEdges, currentEdges, knows: {}, realm });
const data = (edges: { data?: PairEdgeData }[]) => edges.map((e) => e.data!);

describe('buildGraph', () => {
  it('names the realm the flow plays against on the AS and RS nodes', () => {
    const roles = (r = realm) =>
      Object.fromEntries(
        buildGraph({ actors: ['client', 'as', 'rs'], pastEdges: [], currentEdges: ['client->rs:photos'], knows: {}, realm: r }).nodes.map(
          (n) => [n.id, n.data.role],
        ),
      );
    expect(roles()).toMatchObject({ as: '/as/demo', rs: '/rs/demo' });
    expect(roles(realmAt('http://localhost:3000', 'lab-Xy_1', []))).toMatchObject({ as: '/as/lab-Xy_1', rs: '/rs/lab-Xy_1' });
  });

  it('puts every exchange between two parties on one edge, and labels only this step’s', () => {
    const { edges } = graph(
      ['client->as:discovery', 'client->browser:redirect', 'browser->as:authorize', 'as->browser:callback'],
      ['client->as:token'],
    );
    expect(edges.map((e) => e.id).sort()).toEqual(['as|browser', 'as|client', 'browser|client']);
    const clientAs = edges.find((e) => e.id === 'as|client')!.data!;
    expect(clientAs).toMatchObject({ emphasis: 'current', colorOf: 'client', forward: true, backward: false });
    expect(clientAs.lines.map((l) => l.label)).toEqual(['POST /token']);
    const browserAs = edges.find((e) => e.id === 'as|browser')!;
    expect(browserAs.data).toMatchObject({ emphasis: 'past', lines: [], colorOf: null, forward: true, backward: true });
    expect(browserAs.animated).toBe(false);
  });

  it('on a step that sends nothing (the end) shows the whole run: every exchange labelled, in its sender’s colour', () => {
    const run = [
      'client->as:discovery',
      'client->browser:redirect',
      'browser->as:authorize',
      'user->as:login',
      'as->browser:callback',
      'browser->client:callback',
      'client->as:token',
      'client->rs:photos',
    ];
    const { edges } = graph(run, []);
    expect(data(edges).every((d) => d.emphasis === 'run' && d.lines.length > 0)).toBe(true);
    expect(
      data(edges)
        .flatMap((d) => d.lines.map((l) => l.id))
        .sort(),
    ).toEqual([...run].sort());
    expect(edges.find((e) => e.id === 'as|browser')!.data).toMatchObject({ colorOf: 'as', forward: true, backward: true });
  });

  it('is not focusable: the diagram adds no tab stops', () => {
    const { nodes, edges } = graph(['client->as:discovery'], ['client->as:token']);
    expect([...nodes, ...edges].every((x) => x.focusable === false)).toBe(true);
  });

  it('ignores edge ids it does not know, and edges to parties not shown', () => {
    const { edges } = graph(['nope', 'tv->as:token'], ['client->rs:photos', '__proto__'], ['client', 'as', 'rs']);
    expect(edges.map((e) => e.id)).toEqual(['client|rs']);
  });
});

// Every party list a page shows: the flows' and the built attacks'.
async function casts(): Promise<[string, readonly string[]][]> {
  const attacks = await Promise.all(
    Object.entries(ATTACK_LOADERS).map(async ([slug, load]) => [slug, (await load()).actors] as [string, readonly string[]]),
  );
  return [...Object.entries(FLOW_ACTORS), ...attacks];
}
// A node is at most this tall before its "knows" wraps past four lines; a label box at most 176 × 60.
const NODE_H = 110;
const LABEL = { w: 176, h: 60 };

const handlePoint = (id: string, side: string) => {
  const a = ACTORS[id];
  const s = side[0];
  return { x: a.x + (s === 'l' ? 0 : s === 'r' ? NODE_WIDTH : NODE_WIDTH / 2), y: a.y + (s === 't' ? 0 : s === 'b' ? NODE_H : NODE_H / 2) };
};

describe('the layout', () => {
  it('no edge label sits on a node, in any flow or attack', async () => {
    const all = await casts();
    expect(all.length).toBeGreaterThan(10);
    for (const [name, cast] of all)
      for (const [id, def] of Object.entries(EDGE_CATALOG)) {
        if (!cast.includes(def.source) || !cast.includes(def.target)) continue;
        const h = facingHandles(ACTORS[def.source], ACTORS[def.target]);
        const [p, q] = [handlePoint(def.source, h.sourceHandle), handlePoint(def.target, h.targetHandle)];
        const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
        for (const n of cast) {
          const a = ACTORS[n];
          const overlaps =
            mid.x + LABEL.w / 2 > a.x &&
            mid.x - LABEL.w / 2 < a.x + NODE_WIDTH &&
            mid.y + LABEL.h / 2 > a.y &&
            mid.y - LABEL.h / 2 < a.y + NODE_H;
          expect(overlaps, `${name}: ${id}'s label at (${mid.x}, ${mid.y}) covers ${n}`).toBe(false);
        }
      }
  });
});
