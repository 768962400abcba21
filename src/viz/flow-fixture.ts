// A hand-made world@1 for the viz tests: formats.md's example after its slash, plus a second operator.
// Derived by hand (E = 1 ETH = 1e18 wei):
// - alice deposits 40 E of stETH, delegates to op1; op1 allocates 50% of stETH to avs1/0, which slashes 20% of
//   it: op1 loses 10% of its stETH (max magnitude 1 → 0.9, avs1/0 magnitude 0.5 → 0.4), alice keeps 36 E, and
//   avs1/0 keeps 36 × 0.4 / 0.9 = 16 E allocated; 20 E of op1's stake is unallocated. The 4 E were burned.
// - op1's allocation to avs1/1 is pending (magnitude 0, +10% next block): 0 E allocated, so no link.
// - bob restakes one 32 E validator natively (beaconETH); the vault lrt holds 8 E of stETH; both delegate to
//   op2, which allocates 25% of stETH (2 E) and 50% of beaconETH (16 E) to avs2/1: 18 E in all, 22 E free.
// - carol holds 5 E of stETH and delegates to nobody: undelegated.
const E = 10n ** 18n;
const s = (n: bigint) => `${n}`;
const ONE = s(E);

const staker = (delegatedTo: string | null, stETH: bigint, beaconETH: bigint, depositStETH = stETH) => ({
  delegatedTo,
  strategies: {
    stETH: { depositShares: s(depositStETH), withdrawableShares: s(stETH), depositScalingFactor: ONE },
    beaconETH: { depositShares: s(beaconETH), withdrawableShares: s(beaconETH), depositScalingFactor: ONE },
  },
  beaconChainSlashingFactor: ONE,
  pod: null,
  withdrawals: {},
});

const account = (address: string, role: string) => ({
  address,
  role,
  eth: s(10n * E),
  stETH: '0',
  wstETH: '0',
  vaultTokens: {},
});

const allocation = (magnitude: bigint, stake: bigint, pendingDiff = 0n) => ({
  currentMagnitude: s(magnitude),
  pendingDiff: s(pendingDiff),
  effectBlock: pendingDiff === 0n ? '0' : '1000011',
  allocatedStake: s(stake),
});

export const sampleWorld = {
  format: 'restaking-sandbox/world@1',
  block: '1000010',
  timestamp: '1700000120',
  accounts: {
    alice: account('0x00000000000000000000000000000000000000a1', 'staker'),
    bob: account('0x00000000000000000000000000000000000000b0', 'staker'),
    carol: account('0x00000000000000000000000000000000000000c0', 'staker'),
    op1: account('0x0000000000000000000000000000000000000001', 'operator'),
    op2: account('0x0000000000000000000000000000000000000002', 'operator'),
    avs1: account('0x00000000000000000000000000000000000000f1', 'avs'),
    avs2: account('0x00000000000000000000000000000000000000f2', 'avs'),
    lrt: account('0x0000000000000000000000000000000000000010', 'vault'),
  },
  stakers: {
    alice: staker('op1', 36n * E, 0n, 40n * E),
    bob: staker('op2', 0n, 32n * E),
    carol: staker(null, 5n * E, 0n),
    lrt: staker('op2', 8n * E, 0n),
    op1: staker('op1', 0n, 0n),
    op2: staker('op2', 0n, 0n),
  },
  operators: {
    op1: {
      allocationDelay: '0',
      shares: { stETH: s(36n * E), beaconETH: '0' },
      maxMagnitude: { stETH: s((9n * E) / 10n), beaconETH: ONE },
      encumberedMagnitude: { stETH: s((5n * E) / 10n), beaconETH: '0' },
      allocations: {
        'avs1/0': { stETH: allocation((4n * E) / 10n, 16n * E) },
        'avs1/1': { stETH: allocation(0n, 0n, E / 10n) },
      },
    },
    op2: {
      allocationDelay: '0',
      shares: { stETH: s(8n * E), beaconETH: s(32n * E) },
      maxMagnitude: { stETH: ONE, beaconETH: ONE },
      encumberedMagnitude: { stETH: s(E / 4n), beaconETH: s(E / 2n) },
      allocations: {
        'avs2/1': { stETH: allocation(E / 4n, 2n * E), beaconETH: allocation(E / 2n, 16n * E) },
      },
    },
  },
  avs: {
    avs1: {
      sets: {
        '0': { strategies: ['stETH'], operators: ['op1'], slashCount: '1' },
        '1': { strategies: ['stETH'], operators: ['op1'], slashCount: '0' },
      },
      vetoWindowBlocks: '0',
      vetoCommittee: null,
      slashRequests: {},
    },
    avs2: {
      sets: { '1': { strategies: ['stETH', 'beaconETH'], operators: ['op2'], slashCount: '0' } },
      vetoWindowBlocks: '0',
      vetoCommittee: null,
      slashRequests: {},
    },
  },
  strategies: {
    stETH: { totalShares: s(49n * E), underlyingBalance: s(49n * E) },
    beaconETH: { totalShares: s(32n * E), underlyingBalance: s(32n * E) },
  },
  lst: { totalPooledEther: s(53n * E), totalShares: s(53n * E) },
  vaults: { lrt: { operator: 'op2', supply: s(8n * E), totalValue: s(8n * E), rate: ONE, requests: {} } },
  validators: {
    v1: {
      owner: 'bob',
      balanceGwei: '32000000000',
      effectiveBalanceGwei: '32000000000',
      slashed: false,
      exited: false,
    },
  },
  burned: { stETH: s(4n * E) },
  lockedSlashedNativeShares: '0',
};

/** A world with `n` restakers, each delegating `i + 1` ETH of stETH to op1, who allocates nothing. */
export function crowdedWorld(n: number) {
  const stakers: Record<string, ReturnType<typeof staker>> = {};
  for (let i = 0; i < n; i++) stakers[`r${i}`] = staker('op1', BigInt(i + 1) * E, 0n);
  const total = (BigInt(n) * BigInt(n + 1) * E) / 2n;
  return {
    stakers,
    operators: { op1: { shares: { stETH: s(total) }, allocations: {} } },
    avs: { avs1: { sets: { '0': {} } } },
    strategies: { stETH: {}, beaconETH: {} },
    vaults: {},
  };
}

/**
 * Exact amounts as long as they get: the playground after its slash. alice 36 E, carol 50 E and the vault lrt
 * 27 E of stETH (113 E); op1 holds 63 E and allocates 27.999999999999999972 E to avs1/0 and
 * 17.499999999999999951 E to avs2/0, so 63 − 27.999999999999999972 − 17.499999999999999951 =
 * 17.500000000000000077 E stay unallocated; op2 holds 50 E and allocates 30 E to avs2/0 (20 E free), so
 * avs2/0 has 47.499999999999999951 E.
 */
export const slashedWorld = {
  stakers: {
    alice: { strategies: { stETH: { withdrawableShares: s(36n * E) } } },
    carol: { strategies: { stETH: { withdrawableShares: s(50n * E) } } },
    lrt: { strategies: { stETH: { withdrawableShares: s(27n * E) } } },
  },
  operators: {
    op1: {
      shares: { stETH: s(63n * E) },
      allocations: {
        'avs1/0': { stETH: { allocatedStake: '27999999999999999972' } },
        'avs2/0': { stETH: { allocatedStake: '17499999999999999951' } },
      },
    },
    op2: {
      shares: { stETH: s(50n * E) },
      allocations: { 'avs2/0': { stETH: { allocatedStake: s(30n * E) } } },
    },
  },
  avs: { avs1: { sets: { '0': {} } }, avs2: { sets: { '0': {} } } },
  strategies: { stETH: {} },
  vaults: { lrt: {} },
};

/** Four operators of 2 E each (their own stake), each allocating 0.18 E to each of 11 AVSs' set 0. */
export function manySetsWorld() {
  const stakers: Record<string, { strategies: { stETH: { withdrawableShares: string } } }> = {};
  const operators: Record<
    string,
    { shares: { stETH: string }; allocations: Record<string, Record<string, { allocatedStake: string }>> }
  > = {};
  const avs: Record<string, { sets: { '0': object } }> = {};
  for (let a = 1; a <= 11; a++) avs[`avs${a}`] = { sets: { '0': {} } };
  for (let o = 1; o <= 4; o++) {
    stakers[`op${o}`] = { strategies: { stETH: { withdrawableShares: s(2n * E) } } };
    const allocations = Object.fromEntries(
      Object.keys(avs).map((a) => [`${a}/0`, { stETH: { allocatedStake: s((18n * E) / 100n) } }]),
    );
    operators[`op${o}`] = { shares: { stETH: s(2n * E) }, allocations };
  }
  return { stakers, operators, avs, strategies: { stETH: {} }, vaults: {} };
}
