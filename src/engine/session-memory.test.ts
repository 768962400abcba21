// A session's trie memory (chain/trie-db.ts): its sandbox writes a database layer of its own, which holds only
// nodes some history node's snapshot reaches, and every node still restores the world its path runs to.
import { describe, expect, it } from 'vitest';
import { forgetReads } from '../chain/runtime.ts';
import type { LayerMap } from '../chain/trie-db.ts';
import { reachableKeys } from '../chain/trie-reach.ts';
import { bootSandbox } from '../protocol/boot.ts';
import { runScenario } from '../protocol/runner.ts';
import { getPreset } from '../protocol/scenarios/index.ts';
import { validateScenario } from '../protocol/scenario-schema.ts';
import { readWorld } from '../protocol/world.ts';
import { Session } from './session.ts';

const layerOf = (s: Session) => s.sb.chain.stateManager.database() as LayerMap;

describe('session memory', () => {
  it('keeps only what its snapshots reach, in its own layer, and restores every node as a fresh run does', async () => {
    const json = getPreset('playground')?.json;
    const s = await Session.load(json, 'preset:playground');
    const template = layerOf(s).parent as LayerMap;
    const templateEntries = template.ownSize;
    // Two branches off the loaded history, with a step that reverts in between.
    expect((await s.act({ action: 'lst.stake', by: 'alice', amount: '10 ETH' })).ok).toBe(true);
    expect((await s.act({ action: 'chain.advance', blocks: 5 })).ok).toBe(true);
    await s.goto({ branch: 'main', node: 18 });
    expect((await s.act({ action: 'lst.stake', by: 'bob', amount: '1 ETH' })).ok).toBe(true);
    expect((await s.act({ action: 'lst.stake', by: 'bob', amount: '10000 ETH' })).ok).toBe(false);
    expect((await s.act({ action: 'lst.report', delta: '+1 ETH' })).ok).toBe(true);

    // Another sandbox of the same configuration writes nothing into this one's template.
    expect(template.ownSize).toBe(templateEntries);
    // Every node the session's own layer holds is reachable from a history node's snapshot (or is one the
    // template holds too, written again with the same content).
    const layer = layerOf(s);
    const roots = [null, ...s.entries.keys()].map((n) => s.position(n)!.snap.stateRoot);
    const reached = reachableKeys(layer, roots);
    const own = [...layer.ownKeys()];
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((k) => !reached.has(k) && !template.has(k))).toEqual([]);

    // Each node's world, restored from its snapshot and read afresh, is the world a fresh run of its path
    // (a sandbox that never moved, so nothing of another branch was ever written into it) reads.
    const nodes = [null, 10, 18, 20, ...[...s.entries.keys()].filter((id) => id > 20)];
    expect(nodes.length).toBe(8);
    for (const node of nodes) {
      await s.moveChainTo(node);
      forgetReads(s.sb.chain);
      const restored = await readWorld(s.sb);
      const path = validateScenario(s.scenarioAt(node));
      if (!path.ok) throw new Error(`the path to ${node} is invalid`);
      const fresh =
        path.scenario.steps.length === 0
          ? await readWorld(await bootSandbox(path.scenario))
          : (await runScenario(path.scenario)).world;
      expect(restored, `node ${node}`).toEqual(fresh);
    }
  });
});
