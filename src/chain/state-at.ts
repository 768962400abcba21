// The chain as it was at an earlier block of a history: the trie keeps every root, so a block whose state a
// snapshot holds is a restore; a block inside a step of several transactions (approve, then deposit) is the
// snapshot before the step with the step's first transactions run again, exactly as they were mined.
import type { Hex } from 'viem';
import { restore, type Snapshot } from './snapshot.ts';
import { sendSignedTransaction, sendTransaction, type TxResult } from './tx.ts';
import type { Chain } from './evm.ts';

/**
 * Puts `chain` at `base` plus `replay` (transactions mined after it, in order), with the head at `head`.
 * The caller restores the chain afterwards. Throws when a replayed transaction does not come out as before.
 */
export async function stateAt(
  chain: Chain,
  base: Snapshot,
  replay: readonly TxResult[],
  head: { number: bigint; timestamp: bigint },
): Promise<void> {
  await restore(chain, base);
  for (const t of replay) {
    chain.head = { number: t.block - 1n, timestamp: t.timestamp - chain.secondsPerBlock };
    const again =
      t.raw === null
        ? await sendTransaction(chain, {
            from: t.from,
            ...(t.to === null ? {} : { to: t.to }),
            data: t.data,
            value: t.value,
            gasLimit: t.gasLimit,
            impersonate: true,
          })
        : await sendSignedTransaction(chain, t.raw as Hex);
    if (again.ok !== t.ok || again.gasUsed !== t.gasUsed)
      throw new Error(`transaction ${t.hash} did not replay as it was mined`);
  }
  chain.head = { ...head };
}
