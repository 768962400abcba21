// Native restaking: pods, validators on the simulated beacon chain, credential verification, checkpoints and
// staleness proofs. The simulated consensus layer (rewards, penalties, slashing, exits) is driven by the
// system oracle account: on the real beacon chain nobody "calls" these, they happen.
import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { read } from '../../chain/runtime.ts';
import { GWEI } from '../units.ts';
import { actor, StepError, type Sandbox, type StepOutcome } from '../sandbox.ts';
import type { StepOf } from '../scenario-actions.ts';
import { eventOf, send, sendTo } from './send.ts';

const ZERO: Address = '0x0000000000000000000000000000000000000000';

export async function podOf(sb: Sandbox, owner: string): Promise<Address | null> {
  const pod = await read<Address>(sb.chain, {
    to: sb.addresses.eigenPodManager,
    contract: 'MiniEigenPodManager',
    functionName: 'ownerToPod',
    args: [actor(sb, owner).address],
  });
  return pod === ZERO ? null : pod;
}

async function requirePod(sb: Sandbox, owner: string): Promise<Address> {
  const pod = await podOf(sb, owner);
  if (pod === null) throw new StepError(`"${owner}" has no pod yet; create one with pod.create`);
  return pod;
}

function validatorIndex(sb: Sandbox, name: string): number {
  const v = sb.names.validators[name];
  if (v === undefined) throw new StepError(`no validator named "${name}"`);
  return v.index;
}

/** A deterministic 48-byte BLS-sized public key for a named validator (no real keys exist here). */
export function pubkeyFor(owner: string, name: string): Hex {
  return `${keccak256(stringToHex(`validator/${owner}/${name}`))}${'00'.repeat(16)}` as Hex;
}

export async function create(sb: Sandbox, s: StepOf<'pod.create'>, out: StepOutcome): Promise<void> {
  await sendTo(sb, out, actor(sb, s.by).address, 'eigenPodManager', 'createPod');
}

export async function stake(sb: Sandbox, s: StepOf<'pod.stake'>, out: StepOutcome): Promise<void> {
  const r = await sendTo(
    sb,
    out,
    actor(sb, s.by).address,
    'eigenPodManager',
    'stake',
    [pubkeyFor(s.by, s.as)],
    32n * 10n ** 18n,
  );
  const index = Number(eventOf(r, 'ValidatorDeposited')['validatorIndex']);
  sb.names.validators[s.as] = { owner: s.by, index };
}

async function podCall(
  sb: Sandbox,
  out: StepOutcome,
  by: string,
  owner: string,
  fn: string,
  args: unknown[],
) {
  await send(sb, out, {
    from: actor(sb, by).address,
    to: await requirePod(sb, owner),
    contract: 'MiniEigenPod',
    functionName: fn,
    args,
  });
}

export async function verifyCredentials(
  sb: Sandbox,
  s: StepOf<'pod.verifyCredentials'>,
  out: StepOutcome,
): Promise<void> {
  await podCall(sb, out, s.by, s.by, 'verifyWithdrawalCredentials', [
    s.validators.map((v) => validatorIndex(sb, v)),
  ]);
}

export async function startCheckpoint(sb: Sandbox, s: StepOf<'pod.startCheckpoint'>, out: StepOutcome) {
  await podCall(sb, out, s.by, s.by, 'startCheckpoint', [false]);
}

/** Proves the listed validators, or by default every validator of this owner the pod still counts as active. */
export async function verifyCheckpoint(sb: Sandbox, s: StepOf<'pod.verifyCheckpoint'>, out: StepOutcome) {
  let indices: number[];
  if (s.validators !== undefined) indices = s.validators.map((v) => validatorIndex(sb, v));
  else {
    const pod = await requirePod(sb, s.by);
    indices = [];
    for (const v of Object.values(sb.names.validators).filter((x) => x.owner === s.by)) {
      const info = await read<{ status: number }>(sb.chain, {
        to: pod,
        contract: 'MiniEigenPod',
        functionName: 'validatorInfoByIndex',
        args: [v.index],
      });
      if (info.status === 1) indices.push(v.index);
    }
  }
  await podCall(sb, out, s.by, s.by, 'verifyCheckpointProofs', [indices]);
}

/** Anyone may prove that a pod's validator was slashed; it starts a checkpoint on the owner's pod. */
export async function verifyStaleBalance(sb: Sandbox, s: StepOf<'pod.verifyStaleBalance'>, out: StepOutcome) {
  const v = sb.names.validators[s.validator];
  if (v === undefined) throw new StepError(`no validator named "${s.validator}"`);
  await podCall(sb, out, s.by, v.owner, 'verifyStaleBalance', [v.index]);
}

function gwei(amount: bigint, field: string): bigint {
  if (amount % GWEI !== 0n)
    throw new StepError(`${field} must be a whole number of gwei (the beacon chain counts gwei)`);
  return amount / GWEI;
}

async function beacon(sb: Sandbox, out: StepOutcome, functionName: string, args: unknown[]) {
  await send(sb, out, {
    from: sb.system.oracle,
    to: sb.addresses.beaconChain,
    contract: 'MockBeaconChain',
    functionName,
    args,
  });
}

export async function beaconReward(sb: Sandbox, s: StepOf<'beacon.reward'>, out: StepOutcome) {
  await beacon(sb, out, 'accrueRewards', [validatorIndex(sb, s.validator), gwei(s.amount, 'amount')]);
}

export async function beaconPenalty(sb: Sandbox, s: StepOf<'beacon.penalty'>, out: StepOutcome) {
  await beacon(sb, out, 'applyPenalty', [validatorIndex(sb, s.validator), gwei(s.amount, 'amount')]);
}

export async function beaconSlash(sb: Sandbox, s: StepOf<'beacon.slash'>, out: StepOutcome) {
  await beacon(sb, out, 'slash', [validatorIndex(sb, s.validator)]);
}

export async function beaconExit(sb: Sandbox, s: StepOf<'beacon.exit'>, out: StepOutcome) {
  await beacon(sb, out, 'exit', [validatorIndex(sb, s.validator)]);
}
