import { describe, expect, it } from 'vitest';
import { readBatch, sendTransaction, stateRoot } from '../chain/runtime.ts';
import { runScenario } from './runner.ts';
import { getPreset } from './scenarios/index.ts';
import { validateScenario } from './scenario-schema.ts';
import { readWorld } from './world.ts';

// readWorld reads every number under one journal checkpoint (chain/call.ts readBatch) so the state caches
// keep what earlier reads learned; these are the properties that makes safe.
describe('readWorld in one read batch', () => {
  it('reads what single reads read, changes no state, and leaves the chain writable', async () => {
    const v = validateScenario(getPreset('single-avs-slash')?.json);
    if (!v.ok) throw new Error('preset invalid');
    const { sandbox: sb, world } = await runScenario(v.scenario);
    const root = await stateRoot(sb.chain);
    // A nested batch runs inside the outer one; reading again gives the same world and the same root.
    const batched = await readBatch(sb.chain, () => readWorld(sb));
    expect(batched).toEqual(world);
    expect(await stateRoot(sb.chain)).toEqual(root);
    // After the batch the journal is back at the pending level: a transaction still lands and is kept.
    const [from, to] = sb.chain.accounts;
    if (from === undefined || to === undefined) throw new Error('no accounts');
    const r = await sendTransaction(sb.chain, { from: from.address, to: to.address, data: '0x', value: 1n });
    expect(r.ok).toBe(true);
    expect(await stateRoot(sb.chain)).not.toEqual(root);
  });
});
