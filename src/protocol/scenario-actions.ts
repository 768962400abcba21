// One schema per action of formats.md's table, discriminated by `action`. Field names follow the table
// exactly; quantities come out as bigints so the runner never parses a unit string again.
import * as v from 'valibot';
import {
  amount,
  blocks,
  bool,
  list,
  name,
  objectMessage,
  positiveBlocks,
  revertName,
  setId,
  signedAmount,
  strategy,
  STRATEGIES,
  target,
  hexData,
  text,
  wadFraction,
  windowBlocks,
} from './scenario-fields.ts';
import { parseExpected, type ExpectedValue } from './world-expect.ts';
import { showValue } from './units.ts';

const common = { expectRevert: v.optional(revertName) };
const step = <A extends string, E extends v.ObjectEntries>(action: A, entries: E) =>
  v.object({ action: v.literal(action), ...common, ...entries }, objectMessage);

const anyStrategy = strategy(STRATEGIES);
const lstStrategy = strategy(['stETH'] as const);
const strategies = list(anyStrategy, '["stETH"], ["beaconETH"] or ["stETH", "beaconETH"]');
const validators = list(name, 'a list of validator names such as ["v1"]');
// A withdrawal is an `as` name, or `<prefix>/<strategy>` for the ones staker.undelegate queues.
const withdrawalName = v.pipe(
  v.string((i) => `${showValue(i.input)} is not a withdrawal name`),
  v.regex(
    /^[A-Za-z0-9_-]+(\/(stETH|beaconETH))?$/,
    (i) =>
      `${showValue(i.input)} is not a withdrawal name; accepted: an "as" name such as "w1", or "u/stETH"`,
  ),
);

/** What an AVS names to slash: avs.slash and avs.requestSlash. */
const slashFields = {
  by: name,
  operator: name,
  set: setId,
  strategies,
  wads: list(wadFraction, '["20%"], one per strategy'),
  description: v.optional(text),
};

export interface ExpectEntry {
  /** The world path as written (`stakers.alice.strategies.stETH.withdrawableShares`). */
  path: string;
  expected: ExpectedValue;
}

/** `values` of an expect step: each path must be a world@1 path, each value must parse in that path's unit. */
const expectValues = v.pipe(
  v.record(v.string(), v.unknown(), (i) => `${showValue(i.input)} is not an object of world paths to values`),
  v.rawTransform<Record<string, unknown>, ExpectEntry[]>(({ dataset, addIssue, NEVER }) => {
    const input = dataset.value;
    const entries: ExpectEntry[] = [];
    for (const [path, raw] of Object.entries(input)) {
      const r = parseExpected(path, raw);
      if (r.ok) entries.push({ path, expected: r.expected });
      else
        addIssue({
          message: r.message,
          path: [{ type: 'object', origin: 'value', input, key: path, value: raw }],
        });
    }
    if (entries.length === 0 && Object.keys(input).length === 0)
      addIssue({ message: 'is empty; list at least one path' });
    return entries.length === Object.keys(input).length ? entries : NEVER;
  }),
);

export const STEP_SCHEMAS = [
  step('lst.stake', { by: name, amount }),
  step('lst.report', { delta: signedAmount }),
  step('lst.wrap', { by: name, amount }),
  step('lst.unwrap', { by: name, amount }),
  step('token.transfer', { by: name, token: name, to: name, amount }),
  step('strategy.deposit', { by: name, strategy: lstStrategy, amount }),
  step('operator.register', { by: name, allocationDelay: blocks }),
  step('operator.setAllocationDelay', { by: name, blocks }),
  step('staker.delegate', { by: name, operator: name }),
  step('staker.undelegate', { by: name, as: name }),
  step('withdrawal.queue', { by: name, strategy: anyStrategy, shares: amount, as: name }),
  step('withdrawal.complete', { by: name, withdrawal: withdrawalName, receiveAsTokens: bool }),
  step('avs.createOperatorSet', {
    by: name,
    set: setId,
    strategies,
    redistributionRecipient: v.optional(name),
  }),
  step('operator.registerForSets', { by: name, avs: name, sets: list(setId, '[0] or [0, 1]') }),
  step('operator.deregisterFromSets', { by: name, avs: name, sets: list(setId, '[0] or [0, 1]') }),
  step('operator.allocate', {
    by: name,
    avs: name,
    set: setId,
    strategy: anyStrategy,
    magnitude: wadFraction,
  }),
  step('avs.slash', { ...slashFields, as: v.optional(name) }),
  step('slashing.clear', { by: name, avs: name, set: setId, slash: name }),
  // The AVS-level veto window of MiniAVS (middleware VetoableSlasher style; not an EigenLayer feature).
  step('avs.configureVeto', { by: name, blocks: windowBlocks, committee: name }),
  step('avs.requestSlash', { ...slashFields, as: name }),
  step('avs.veto', { by: name, avs: name, request: name }),
  step('avs.executeSlash', { by: name, request: name, as: v.optional(name) }),
  step('pod.create', { by: name }),
  step('pod.stake', { by: name, as: name }),
  step('pod.verifyCredentials', { by: name, validators }),
  step('pod.startCheckpoint', { by: name }),
  step('pod.verifyCheckpoint', { by: name, validators: v.optional(validators) }),
  step('pod.verifyStaleBalance', { by: name, validator: name }),
  step('beacon.reward', { validator: name, amount }),
  step('beacon.penalty', { validator: name, amount }),
  step('beacon.slash', { validator: name }),
  step('beacon.exit', { validator: name }),
  step('vault.deposit', { by: name, vault: name, amount }),
  step('vault.requestRedeem', { by: name, vault: name, amount, as: name }),
  step('vault.claim', { by: name, vault: name, request: name }),
  // The vault's price oracle reports what the market pays for one stETH, in ETH (a depeg when below 1 ETH).
  step('vault.setPrice', { vault: name, price: amount }),
  step('rewards.submit', { by: name, set: setId, amount }),
  step('rewards.claim', { by: name }),
  // Not in formats.md's table: what the page's EIP-1193 provider sends (eth_sendTransaction), so a transaction
  // written from the console is a step like any other (undo, branches, export and replay work on it).
  // `raw` is a transaction signed elsewhere (eth_sendRawTransaction): it is mined exactly as signed.
  step('tx.send', {
    by: name,
    to: target,
    data: v.optional(hexData),
    value: v.optional(amount),
    raw: v.optional(hexData),
  }),
  step('chain.advance', { blocks: v.optional(positiveBlocks), seconds: v.optional(positiveBlocks) }),
  step('expect', { values: expectValues }),
] as const;

export const ACTIONS: readonly string[] = STEP_SCHEMAS.map((s) => s.entries.action.literal);

export const StepSchema = v.variant(
  'action',
  STEP_SCHEMAS,
  (i) => `${showValue(i.input)} is not an action; accepted: ${ACTIONS.join(', ')}`,
);

/** One scenario step, discriminated by `action`. */
export type Step = v.InferOutput<typeof StepSchema>;
export type Action = Step['action'];
export type StepOf<A extends Action> = Extract<Step, { action: A }>;

/** Field names each action accepts, for the unknown-field check (valibot's strict objects stop at the first). */
export function stepFields(action: string): readonly string[] | undefined {
  const schema = STEP_SCHEMAS.find((s) => s.entries.action.literal === action);
  return schema ? Object.keys(schema.entries) : undefined;
}
