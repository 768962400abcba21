// The scenario presets of curriculum.md ("the sandbox's library, also used by lessons and tests"), as
// scenario@1 files. Their `expect` values were derived by hand from mechanics.md §2, below, with
// W = 1e18, mulWad(x, y) = ⌊x·y/W⌋, a = s·k·sf (withdrawable), Δ = ⌈c·p/W⌉ (magnitude slashed),
// slashedOp = op − ⌈op·M'/M⌉, allocatedStake = ⌊op·⌊cur·W/max⌋/W⌋. The stETH-like token has no
// rebase in any preset, so stETH, strategy shares and the strategy's balance all stay 1:1 (first deposit
// into the strategy is 1:1 and (n+1e3)·x/(n+1e3) = x whenever balance = totalShares = n).
//
// single-avs-slash: op = 40+20+10 = 70. c = 50%, p = 20% → Δ = 10%, M' = 90%, c' = 40%.
//   a = 40·0.9 = 36, 18, 9; slashedOp = 70 − 63 = 7 → op 63; cleared: 7 stETH burned, 63 left.
//   allocatedStake = ⌊63e18·⌊0.4e18·W/0.9e18⌋/W⌋ = 63·444444444444444444 = 27999999999999999972 wei.
// unique-stake-two-sets: A 30%, B 50%. A slashes 50%: Δ = 15%, M' = 85%, E = 80 − 15 = 65%; a = op = 85.
//   B: ⌊0.5/0.85·W⌋ = 588235294117647058, ×85 = 49999999999999999930; A: 176470588235294117 ×85 =
//   14999999999999999945. B slashes 100%: Δ = 50%, M'' = 35%, E = 15%; op = 85 − (85 − ⌈85·35/85⌉) = 35;
//   A: ⌊0.15/0.35·W⌋ = 428571428571428571, ×35 = 14999999999999999985.
// playground: op1 holds alice's 40 and the vault's 30 = 70; 50% → 35, 25% → 17.5; op2 50 · 60% = 30. The vault's
//   first mint is 1:1, so its rate is 1 (the expect writes WAD 1e18 as "1 ETH").
// withdrawal-slash-window (D = 336): Bob queues 50 at b0; Alice queues 50 at b1 > b0 + 340; slash 40% of
//   100% at t = b1 + 1 or 2: M' = 60%. op holds only Carol's 50 → slashedOp = 20, op 30, Carol a = 30.
//   Queue: Q = scaled queued in (t − D − 1, t] = Alice's 50 (Bob's b0 ≤ t − 337) → slashedQ = 50 − 30 = 20;
//   burned 40, strategy 150 − 40 = 110. Completion pays mulWad(q, m at b + D): Bob m = 100% (slash after
//   b0 + D) → 50; Alice m = 60% → 30. Strategy left 110 − 50 − 30 = 30.
// dual-slashing-proof-order (EigenLayer docs/core/accounting/DualSlashingEdgeCase.md, twice):
//   s = 32, k = 1 each; slash 75% of 100%: M = 25%, a = 8, op = 64 − 48 = 16, 48 locked in pods (native
//   ETH is not burned). Beacon slash with divisor 2: 32 → 16 ETH balance.
//   Alice (verify, then checkpoint): k' = ((8 + 32)/(32 + 32))/0.25 = 2.5, a = 64·2.5·0.25 = 40; checkpoint
//   R = 64, δ = 16: l = ⌊W·48/64⌋ = 75%, a = 64·2.5·0.25·0.75 = 30; op: +32, then −64·2.5·(0.25·0.25) = −10.
//   Bob (checkpoint, then verify): R = 32, l = 50%, a = 32·0.25·0.5 = 4, op −32·0.125 = −4; then
//   k' = ((4 + 32)/64)/0.125 = 4.5, a = 64·4.5·0.125 = 36, op +32. op = 16 + 32 − 10 − 4 + 32 = 66 = 30 + 36.
// lrt-rate-after-slash: mint 40 and 60 (first mint 1:1, then 60·40/40). Slash 10% of 100%: staked value
//   90, rate ⌊90·W/100⌋ = 0.9. Redeem 40: valueAtRequest = ⌊90·40/100⌋ = 36, queued deposit shares
//   ⌈⌈36·W/0.9⌉·W/W⌉ = 40, vault keeps 60 (value 54, owed 36 = the queue's value, rate 0.9). Slash 10% of
//   the remaining 90% allocation: Δ = 9%, M = 81%; staked 60·0.81 = 48.6, queue worth 40·0.81 = 32.4 <
//   36 so all of it is owed: value 48.6, rate 0.81. Claim pays min(36, mulWad(40, 0.81)) = 32.4.
// whitepaper-eleven-services: each operator self-deposits 2; 10 × 9% = 90% allocated, so 20% more reverts
//   (110% > 100% max magnitude); 11 × 9% = 99% encumbered; allocatedStake = ⌊2e18·0.09⌋ = 0.18 ETH.
// cascade-after-shock: each allocation 50% of 10 → 5. svc1 slashes 100% of opA's 50%: Δ = 50%, M = 50%,
//   op 10 → 5 (Alice a = 5); svc2's slice of opA: ⌊0.5/0.5·W⌋ = W → 5 ETH, unchanged; opC untouched.
// redistributing-set: as single-avs-slash for Alice alone: a = 36, slashedOp = 4, sent to the insurer.
// vetoable-slash (MiniAVS's AVS-level veto window, 72 blocks): op = 40 + 20 = 60, c = 50% → allocatedStake 30.
//   A request changes nothing; the vetoed one never does (a = 40, 20; M = 100%; slashCount 0). Each
//   transaction mines head + 1 and a reverted step mines nothing, so after request block R a veto lands in
//   R + 1 (≤ R + 71: allowed) and, after advancing 72, a veto lands in R + 73 (≥ R + 72: VetoPeriodPassed)
//   where executeSlash succeeds. Executed 20%: as single-avs-slash, Δ = 10%, M' = 90%, c' = 40%; a = 36, 18;
//   slashedOp = 60 − ⌈60·0.9⌉ = 6 → op 54, cleared: 6 burned, 54 left; allocatedStake = 54·444444444444444444
//   = 23999999999999999976. Window off, instant 20%: Δ = ⌈0.4·0.2⌉ = 8%, M'' = 82%, c'' = 32%; a = 40·0.82 =
//   32.8, 20·0.82 = 16.4; op = ⌈54·0.82/0.9⌉ = 49.2, slashedOp 4.8 → burned 10.8, strategy 49.2.
import cascadeAfterShock from './cascade-after-shock.json' with { type: 'json' };
import dualSlashingProofOrder from './dual-slashing-proof-order.json' with { type: 'json' };
import playground from './playground.json' with { type: 'json' };
import lrtRateAfterSlash from './lrt-rate-after-slash.json' with { type: 'json' };
import redistributingSet from './redistributing-set.json' with { type: 'json' };
import singleAvsSlash from './single-avs-slash.json' with { type: 'json' };
import uniqueStakeTwoSets from './unique-stake-two-sets.json' with { type: 'json' };
import vetoableSlash from './vetoable-slash.json' with { type: 'json' };
import whitepaperElevenServices from './whitepaper-eleven-services.json' with { type: 'json' };
import withdrawalSlashWindow from './withdrawal-slash-window.json' with { type: 'json' };

export interface ScenarioPreset {
  /** File name without `.json`; stable, used in URLs and on the command line. */
  id: string;
  /** The raw scenario@1 JSON, to be checked with validateScenario before use. */
  json: unknown;
}

/** The playground first (the app opens it), then curriculum.md's presets in its order. */
export const SCENARIO_PRESETS: readonly ScenarioPreset[] = [
  // The app's default: every role on stage, nothing slashed yet.
  { id: 'playground', json: playground },
  { id: 'single-avs-slash', json: singleAvsSlash },
  { id: 'unique-stake-two-sets', json: uniqueStakeTwoSets },
  { id: 'withdrawal-slash-window', json: withdrawalSlashWindow },
  { id: 'dual-slashing-proof-order', json: dualSlashingProofOrder },
  { id: 'lrt-rate-after-slash', json: lrtRateAfterSlash },
  { id: 'whitepaper-eleven-services', json: whitepaperElevenServices },
  { id: 'cascade-after-shock', json: cascadeAfterShock },
  { id: 'redistributing-set', json: redistributingSet },
  { id: 'vetoable-slash', json: vetoableSlash },
];

export function getPreset(id: string): ScenarioPreset | undefined {
  return SCENARIO_PRESETS.find((p) => p.id === id);
}

/** A preset as the page lists it: id, title and description from its file. */
export interface PresetSummary {
  id: string;
  title: string;
  description: string;
}

/** Every preset as the page lists it, in SCENARIO_PRESETS's order. */
export function presetSummaries(): PresetSummary[] {
  return SCENARIO_PRESETS.map((p) => {
    const json = p.json as { title?: string; description?: string };
    return { id: p.id, title: json.title ?? p.id, description: json.description ?? '' };
  });
}
