// Event and call arguments in their units, for the transaction log: WAD fractions (magnitudes, slash wads,
// slashing factors) as percentages, shares and token amounts in their token, gwei in ETH, operator sets as
// "avs1 · set 0", addresses already named by the engine. The unit comes from the ABI's argument name (one
// name per idea across the miniatures), with the emitting contract deciding which token a `value` counts.
// Every number keeps its raw integer one step away (the Amount component); a name no rule knows stays raw.
import type { ArgEntry, ArgValue } from '../../engine/session-types.ts';
import { ETH, PERCENT, setLabel, showAmount, token, type Shown, type Unit } from '../../viz/format.ts';

/** Text and numbers in order: a number is a Shown for the Amount component, the rest plain text. */
export type Piece = string | Shown;

const WAD_RATE = (symbol: string): Unit => ({
  symbol,
  decimals: 18,
  base: null,
  rawName: `WAD units (10^18 = 1 ${symbol})`,
});
const GWEI: Unit = { symbol: 'ETH', decimals: 9, base: 'gwei', rawName: 'gwei' };
const BIPS: Unit = { symbol: '%', decimals: 2, base: null, tight: true, rawName: 'basis points' };

const names = (list: string) => new Set(list.split(' '));
const WADS = names(
  'magnitude maxMagnitude encumberedMagnitude newMagnitudes wadSlashed wadsToSlash prevMaxMagnitude newMaxMagnitude prevBeaconChainSlashingFactor newBeaconChainSlashingFactor beaconChainSlashingFactorDecrease newDepositScalingFactor',
);
const SHARES = names(
  'shares totalSlashedShares sharesToWithdraw depositShares scaledShares addedSharesToBurn depositSharesToRemove prevDepositShares addedShares curDepositShares amountShares sharesDelta newTotalShares',
);
const LST_SHARES = names(
  'sharesValue preTotalShares postTotalShares sharesMintedAsFees lstShares sharesAmount',
);
const ETHS = names(
  'amountWei amountReceived ethClaimed preTotalEther postTotalEther totalShareDeltaWei clDelta prevRestakedBalanceWei balanceDeltaWei claimedAmount cumulativeClaimed allocatedStake minStake minStake_',
);
const STETH = names('stETHAmount valueAdded valueAtRequest valueAtClaim paid');
const RATES = names('rate previousRate newRate highWaterRate');
const BLOCK_POINTS = names('effectBlock startBlock completableAfterBlock');
const BLOCK_SPANS = names('delay allocationDelay vetoWindowBlocks windowBlocks');
const BIPS_NAMES = names('split oldSplitBips newSplitBips bps');
const STETH_AMOUNTS = names('Deposited IdleRestaked deposit depositIntoStrategy');

/** Which token an ERC-20 `value` or `amount` counts, by the contract that emitted or received it. */
function tokenOf(contract: string): string | null {
  if (contract.startsWith('stETH') || contract === 'MiniLST') return 'stETH';
  if (contract.startsWith('wstETH') || contract === 'MiniWstETH') return 'wstETH';
  const vault = /^(\S+) \(vault\)$/.exec(contract);
  if (vault?.[1] !== undefined) return `${vault[1]} tokens`;
  if (contract === 'MiniLRT') return 'vault tokens';
  return null;
}

/** The unit of a named integer argument, or null to leave it as it is (ids, nonces, indices, timestamps). */
export function unitFor(name: string, contract: string, member: string): Unit | 'block' | 'blocks' | null {
  if (WADS.has(name)) return PERCENT;
  if (SHARES.has(name)) return token('shares');
  if (LST_SHARES.has(name)) return token('stETH shares');
  if (ETHS.has(name)) return ETH;
  if (STETH.has(name)) return token('stETH');
  if (name === 'wstETHAmount') return token('wstETH');
  if (name === 'burned' || name === 'minted' || name === 'vaultTokens')
    return token(tokenOf(contract) ?? 'vault tokens');
  if (RATES.has(name))
    return contract.includes('strategy') ? WAD_RATE('token per share') : WAD_RATE('ETH per token');
  if (name.endsWith('Gwei')) return GWEI;
  if (BLOCK_POINTS.has(name)) return 'block';
  if (BLOCK_SPANS.has(name)) return 'blocks';
  if (BIPS_NAMES.has(name)) return BIPS;
  if (name === 'value' || name === 'amount') {
    // A vault's deposit and idle stake count stETH (the vault token is `minted`), as do strategy deposits.
    if (STETH_AMOUNTS.has(member)) return token('stETH');
    const t = tokenOf(contract);
    if (t !== null) return token(t);
    // The LST's submit, pods and rewards count ETH.
    return ETH;
  }
  return null;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

function leaf(name: string, v: string, contract: string, member: string): Piece {
  if (!INTEGER.test(v)) return v;
  const unit = unitFor(name, contract, member);
  if (unit === null) return v;
  if (unit === 'block') return `block ${v}`;
  if (unit === 'blocks') return `${v} block${v === '1' ? '' : 's'}`;
  return showAmount(v, unit);
}

function pieces(name: string, v: ArgValue, contract: string, member: string): Piece[] {
  if (typeof v === 'string') return [leaf(name, v, contract, member)];
  if (Array.isArray(v)) {
    const out: Piece[] = ['['];
    v.forEach((x, i) => out.push(...(i > 0 ? [', '] : []), ...pieces(name, x, contract, member)));
    return [...out, ']'];
  }
  // An operator set is an (avs, id) pair: "avs1 · set 0".
  if (typeof v['avs'] === 'string' && typeof v['id'] === 'string' && Object.keys(v).length === 2)
    return [setLabel(`${v['avs']}/${v['id']}`)];
  const out: Piece[] = ['{ '];
  Object.entries(v).forEach(([k, x], i) =>
    out.push(...(i > 0 ? [', '] : []), `${k}: `, ...pieces(k, x, contract, member)),
  );
  return [...out, ' }'];
}

/** An argument decoded into its unit, as text and numbers in order. */
export const decodeArg = (arg: ArgEntry, contract: string, member: string): Piece[] =>
  pieces(arg.name, arg.value, contract, member);

/** The same as one line of text (sentences, tests, the filter): numbers as their policy text. */
export const piecesText = (p: readonly Piece[]): string =>
  p.map((x) => (typeof x === 'string' ? x : x.text)).join('');

/** A call as `Contract.function(name: value, …)` in units; without names (an old view) its raw arguments. */
export function callPieces(call: {
  contract: string;
  functionName: string;
  args: string[];
  params?: ArgEntry[];
}): Piece[] {
  const head = `${call.contract}.${call.functionName}(`;
  if (call.params === undefined) return [`${head}${call.args.join(', ')})`];
  const out: Piece[] = [head];
  call.params.forEach((p, i) =>
    out.push(...(i > 0 ? [', '] : []), `${p.name}: `, ...decodeArg(p, call.contract, call.functionName)),
  );
  return [...out, ')'];
}

/** An event's arguments by name, each decoded into its unit (raw text where the view has no structure). */
export function eventArgs(e: {
  contract: string | null;
  eventName: string;
  args: Record<string, string>;
  params?: ArgEntry[];
}): { name: string; pieces: Piece[]; raw: string }[] {
  const params = e.params ?? Object.entries(e.args).map(([name, value]) => ({ name, value }));
  return params.map((p) => ({
    name: p.name,
    pieces: decodeArg(p, e.contract ?? '', e.eventName),
    raw: e.args[p.name] ?? '',
  }));
}
