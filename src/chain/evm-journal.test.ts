// evm-journal.ts's warm-slot bookkeeping against the library's own journal methods: two chains' journals take
// the same random sequence of warmings, touches, checkpoints, commits and reverts (one on this project's
// methods, one on the library's, `useOriginalLoop`), and must answer every question alike and end with the
// same maps.
import fc from 'fast-check';
import { createAddressFromString, setLengthLeft } from '@ethereumjs/util';
import { describe, expect, it } from 'vitest';
import { useOriginalLoop } from './evm-sync-steps.ts';
import { createChain, type Chain } from './runtime.ts';

interface Journal {
  journal: Map<string, Set<string>>;
  alwaysWarmJournal: Map<string, Set<string>>;
  touched: Set<string>;
  journalDiff: [number, [Set<string>, Map<string, Set<string>>, Set<string>]][];
  accessList?: Map<string, Set<string>>;
  isWarmedStorage(address: Uint8Array, slot: Uint8Array): boolean;
  addWarmedStorage(address: Uint8Array, slot: Uint8Array): void;
  isWarmedAddress(address: Uint8Array): boolean;
  addWarmedAddress(address: Uint8Array): void;
  touchAddress(address: { bytes: Uint8Array }): void;
  addAlwaysWarmSlot(address: string, slot: string, addToAccessList?: boolean): void;
  checkpoint(): Promise<void>;
  commit(): Promise<void>;
  revert(): Promise<void>;
  cleanJournal(): void;
  startReportingAccessList(): void;
}

const journalOf = (chain: Chain) => (chain.vm.evm as unknown as { journal: Journal }).journal;
const ADDRESSES = [1, 2, 3].map((i) => createAddressFromString(`0x${i.toString(16).padStart(40, 'a')}`));
const slot = (n: number) => setLengthLeft(new Uint8Array([n]), 32);

/** A journal's maps as plain data, sorted (sets and maps compare by content). */
function state(j: Journal) {
  const sets = (m: Map<string, Set<string>> | undefined) =>
    m === undefined ? undefined : [...m].map(([k, v]) => [k, [...v].sort()] as const).sort();
  return {
    warm: sets(j.journal),
    always: sets(j.alwaysWarmJournal),
    touched: [...j.touched].sort(),
    diff: j.journalDiff.map(([h, [a, s, t]]) => [h, [...a].sort(), sets(s), [...t].sort()]),
    accessList: sets(j.accessList),
  };
}

describe('the journal’s warm addresses and slots (evm-journal.ts)', () => {
  it('answers and ends as the library’s own methods on random warmings, touches and checkpoints', async () => {
    const [fast, stock] = [await createChain({ accounts: 1 }), await createChain({ accounts: 1 })];
    useOriginalLoop(stock.vm, true);
    const op = fc.oneof(
      fc.record({
        kind: fc.constantFrom('warmSlot', 'isSlot', 'alwaysSlot'),
        at: fc.nat(2),
        slot: fc.nat(3),
      }),
      fc.record({ kind: fc.constantFrom('warmAddress', 'isAddress', 'touch'), at: fc.nat(2) }),
      fc.record({ kind: fc.constantFrom('checkpoint', 'commit', 'revert') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(op, { maxLength: 40 }), async (accessList, ops) => {
        const journals = [journalOf(fast), journalOf(stock)];
        for (const j of journals) {
          j.cleanJournal();
          if (accessList) j.startReportingAccessList();
          else delete j.accessList;
        }
        let depth = 0;
        for (const o of ops) {
          if ((o.kind === 'commit' || o.kind === 'revert') && depth === 0) continue;
          const answers: unknown[] = [];
          for (const j of journals) {
            const a = 'at' in o ? ADDRESSES[o.at]! : ADDRESSES[0]!;
            const s = 'slot' in o ? slot(o.slot) : slot(0);
            if (o.kind === 'warmSlot') j.addWarmedStorage(a.bytes, s);
            else if (o.kind === 'isSlot') answers.push(j.isWarmedStorage(a.bytes, s));
            else if (o.kind === 'alwaysSlot')
              j.addAlwaysWarmSlot(a.toString(), `0x${s[31]!.toString(16).padStart(64, '0')}`, accessList);
            else if (o.kind === 'warmAddress') j.addWarmedAddress(a.bytes);
            else if (o.kind === 'isAddress') answers.push(j.isWarmedAddress(a.bytes));
            else if (o.kind === 'touch') j.touchAddress(a);
            else await j[o.kind]();
          }
          if (answers.length > 0) expect(answers[0], o.kind).toBe(answers[1]);
          if (o.kind === 'checkpoint') depth++;
          if (o.kind === 'commit' || o.kind === 'revert') depth--;
        }
        expect(state(journals[0]!)).toEqual(state(journals[1]!));
        for (const j of journals) for (let d = depth; d > 0; d--) await j.revert();
      }),
      { numRuns: 150 },
    );
  });
});
