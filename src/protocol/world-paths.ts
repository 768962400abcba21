// The unit of every world@1 path (formats.md), so an `expect` value is parsed in the right unit: a bare
// integer is wei for an amount, WAD units for a fraction, gwei for a beacon-chain balance.
export type PathKind =
  | 'integer'
  | 'amount'
  | 'gwei'
  | 'wad'
  | 'wadUnbounded'
  | 'signedWad'
  | 'rate'
  | 'boolean'
  | 'string'
  | 'nullableString'
  | 'list'
  | 'nullOnly'
  | 'slashRequestStatus';

// `*` matches one segment (an actor, strategy, `as` name, `<avs>/<set>` key or set id).
const PATHS: [string, PathKind][] = [
  ['block', 'integer'],
  ['timestamp', 'integer'],
  ['accounts.*.address', 'string'],
  ['accounts.*.role', 'string'],
  ['accounts.*.eth', 'amount'],
  ['accounts.*.stETH', 'amount'],
  ['accounts.*.stETHShares', 'amount'],
  ['accounts.*.wstETH', 'amount'],
  ['accounts.*.vaultTokens.*', 'amount'],
  ['accounts.*.rewardsEarned', 'amount'],
  ['accounts.*.rewardsClaimable', 'amount'],
  ['stakers.*.delegatedTo', 'nullableString'],
  ['stakers.*.strategies.*.depositShares', 'amount'],
  ['stakers.*.strategies.*.withdrawableShares', 'amount'],
  ['stakers.*.strategies.*.depositScalingFactor', 'wadUnbounded'],
  ['stakers.*.beaconChainSlashingFactor', 'wad'],
  ['stakers.*.pod', 'nullOnly'],
  ['stakers.*.pod.address', 'string'],
  ['stakers.*.pod.activeValidators', 'integer'],
  ['stakers.*.pod.restakedGwei', 'gwei'],
  ['stakers.*.pod.checkpointActive', 'boolean'],
  ['stakers.*.withdrawals.*.strategy', 'string'],
  ['stakers.*.withdrawals.*.scaledShares', 'amount'],
  ['stakers.*.withdrawals.*.startBlock', 'integer'],
  ['stakers.*.withdrawals.*.completableAfterBlock', 'integer'],
  ['stakers.*.withdrawals.*.completed', 'boolean'],
  ['operators.*.allocationDelay', 'integer'],
  ['operators.*.shares.*', 'amount'],
  ['operators.*.maxMagnitude.*', 'wad'],
  ['operators.*.encumberedMagnitude.*', 'wad'],
  ['operators.*.allocations.*.*.currentMagnitude', 'wad'],
  ['operators.*.allocations.*.*.pendingDiff', 'signedWad'],
  ['operators.*.allocations.*.*.effectBlock', 'integer'],
  ['operators.*.allocations.*.*.allocatedStake', 'amount'],
  ['avs.*.sets.*.strategies', 'list'],
  ['avs.*.sets.*.operators', 'list'],
  ['avs.*.sets.*.slashCount', 'integer'],
  ['avs.*.vetoWindowBlocks', 'integer'],
  ['avs.*.vetoCommittee', 'nullableString'],
  ['avs.*.slashRequests.*.operator', 'string'],
  ['avs.*.slashRequests.*.set', 'integer'],
  ['avs.*.slashRequests.*.requestBlock', 'integer'],
  ['avs.*.slashRequests.*.vetoableUntilBlock', 'integer'],
  ['avs.*.slashRequests.*.status', 'slashRequestStatus'],
  ['strategies.*.totalShares', 'amount'],
  ['strategies.*.underlyingBalance', 'amount'],
  ['lst.totalPooledEther', 'amount'],
  ['lst.totalShares', 'amount'],
  ['vaults.*.operator', 'string'],
  ['vaults.*.supply', 'amount'],
  ['vaults.*.totalValue', 'amount'],
  ['vaults.*.rate', 'rate'],
  ['vaults.*.stETHPrice', 'amount'],
  ['vaults.*.requests.*.owner', 'string'],
  ['vaults.*.requests.*.valueAtRequest', 'amount'],
  ['vaults.*.requests.*.completableAfterBlock', 'integer'],
  ['vaults.*.requests.*.claimed', 'boolean'],
  ['validators.*.owner', 'string'],
  ['validators.*.balanceGwei', 'gwei'],
  ['validators.*.effectiveBalanceGwei', 'gwei'],
  ['validators.*.slashed', 'boolean'],
  ['validators.*.exited', 'boolean'],
  ['burned.*', 'amount'],
  ['lockedSlashedNativeShares', 'amount'],
];
const PATTERNS = PATHS.map(([p, kind]) => ({ segments: p.split('.'), kind, pattern: p }));

/** The unit of a world path, or undefined when world@1 has no such path. */
export function classifyPath(path: string): PathKind | undefined {
  const segments = path.split('.');
  const hit = PATTERNS.find(
    (p) =>
      p.segments.length === segments.length && p.segments.every((s, i) => s === '*' || s === segments[i]),
  );
  return hit?.kind;
}

export const KNOWN_PATHS: readonly string[] = PATHS.map(([p]) => p);
export const ROOTS = [...new Set(KNOWN_PATHS.map((p) => p.split('.')[0]))];
