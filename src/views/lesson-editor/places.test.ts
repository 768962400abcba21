import { describe, expect, it } from 'vitest';
import type { LessonStepDraft } from '../../engine/lesson-file-api.ts';
import { fixtureWorld } from '../inspector/world-fixture.ts';
import { addPlace, MAX_PLACES, placesOf, relabelPlace, removePlace } from './places.ts';

const step: LessonStepDraft = { id: 'intro', kind: 'read', title: 'Intro', prose: '' };

describe('the places a step can point at', () => {
  it('lists the Flow and its nodes, every Inspector section and card, and the Charts', () => {
    // The fixture: stakers alice, bob, carol and op1 (an operator restaking nothing of its own), operator
    // op1, avs1, the vault lrt, accounts alice and bob, carol's validators.
    const keys = placesOf(fixtureWorld()).map((p) => p.key);
    expect(keys.filter((k) => k.startsWith('Flow'))).toEqual([
      'Flow',
      'Flow/alice',
      'Flow/bob',
      'Flow/carol',
      'Flow/op1',
    ]);
    expect(keys).toContain('Inspector/restakers/carol');
    expect(keys).not.toContain('Inspector/restakers/op1');
    expect(keys).toContain('Inspector/operators/op1');
    expect(keys).toContain('Inspector/avs/avs1');
    expect(keys).toContain('Inspector/vaults/lrt');
    expect(keys).toContain('Inspector/validators/carol');
    expect(keys).toContain('Inspector/balances/bob');
    // Protocol-wide sections are one card each: the section itself.
    expect(keys).toContain('Inspector/lst');
    expect(keys.filter((k) => k.startsWith('Inspector/lst/'))).toEqual([]);
    expect(keys.at(-1)).toBe('Charts');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names a place as the lesson file does, with words for its link', () => {
    const bob = placesOf(fixtureWorld()).find((p) => p.key === 'Inspector/balances/bob');
    expect(bob?.look).toEqual({
      label: "bob's balances",
      view: 'Inspector',
      section: 'balances',
      card: 'bob',
    });
  });
});

describe('pointing a step at places', () => {
  const flow = { label: 'the stake flow', view: 'Flow' as const };
  it('gives a repeated label a number (one link per label), at most eight, and relabels', () => {
    const twice = addPlace(addPlace(step, flow), { ...flow, card: 'bob' });
    expect(twice.lookAt?.map((l) => l.label)).toEqual(['the stake flow', 'the stake flow (2)']);
    let full: LessonStepDraft = step;
    for (let k = 0; k < MAX_PLACES + 2; k++) full = addPlace(full, flow);
    expect(full.lookAt).toHaveLength(MAX_PLACES);
    expect(relabelPlace(twice, 1, "bob's node").lookAt?.[1]).toEqual({
      label: "bob's node",
      view: 'Flow',
      card: 'bob',
    });
  });

  it('drops the field with the last place', () => {
    const one = addPlace(step, flow);
    expect(removePlace(one, 0)).toEqual(step);
    expect(removePlace(addPlace(one, { label: 'x', view: 'Charts' }), 0).lookAt).toEqual([
      { label: 'x', view: 'Charts' },
    ]);
  });
});
