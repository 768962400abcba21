// A small hand-made world@1 for the views' tests: round numbers whose display can be worked out by hand.
// Block 1050; the clock is the classroom one (12 s per block on the chain, one hour per block in reality).
import type { ActorView, ConfigView } from '../../engine/session-types.ts';
import type { StakerState, World } from '../../protocol/world-types.ts';

const E = '000000000000000000'; // 18 zeros: `40${E}` is 40 ETH in wei
const WAD = `1${E}`;
const idleStaker = (): StakerState => ({
  delegatedTo: null,
  strategies: {
    stETH: { depositShares: '0', withdrawableShares: '0', depositScalingFactor: WAD },
    beaconETH: { depositShares: '0', withdrawableShares: '0', depositScalingFactor: WAD },
  },
  beaconChainSlashingFactor: WAD,
  pod: null,
  withdrawals: {},
});
const account = (role: ActorView['role'], eth: string) => ({
  address: '0x00000000000000000000000000000000000000a1' as const,
  role,
  eth,
  stETH: '0',
  stETHShares: '0',
  wstETH: '0',
  vaultTokens: {},
  rewardsEarned: '0',
  rewardsClaimable: '0',
});

export function fixtureWorld(): World {
  return {
    format: 'restaking-sandbox/world@1',
    block: '1050',
    timestamp: '1744840000',
    accounts: {
      alice: { ...account('staker', `10${E}`), vaultTokens: { lrt: '500000000000000000' } },
      bob: account('staker', '0'),
    },
    stakers: {
      alice: {
        ...idleStaker(),
        delegatedTo: 'op1',
        strategies: {
          stETH: {
            depositShares: `60${E}`,
            withdrawableShares: `486${E.slice(1)}`,
            depositScalingFactor: WAD,
          },
          beaconETH: { depositShares: '0', withdrawableShares: '0', depositScalingFactor: WAD },
        },
        withdrawals: {
          'w1/stETH': {
            strategy: 'stETH',
            scaledShares: `10${E}`,
            startBlock: '1000',
            completableAfterBlock: '1100',
            completed: false,
          },
        },
      },
      bob: idleStaker(),
      carol: {
        ...idleStaker(),
        beaconChainSlashingFactor: '500000000000000000',
        strategies: {
          stETH: {
            depositShares: `4${E}`,
            withdrawableShares: `5${E}`,
            depositScalingFactor: '1250000000000000000',
          },
          beaconETH: { depositShares: `32${E}`, withdrawableShares: `16${E}`, depositScalingFactor: WAD },
        },
        pod: {
          address: '0x00000000000000000000000000000000000000b2',
          activeValidators: '1',
          restakedGwei: '32000000000',
          checkpointActive: false,
        },
      },
      op1: { ...idleStaker(), delegatedTo: 'op1' },
    },
    operators: {
      op1: {
        allocationDelay: '5',
        shares: { stETH: `486${E.slice(1)}`, beaconETH: '0' },
        maxMagnitude: { stETH: '810000000000000000', beaconETH: WAD },
        encumberedMagnitude: { stETH: '810000000000000000', beaconETH: '0' },
        allocations: {
          'avs1/0': {
            stETH: {
              currentMagnitude: '500000000000000000',
              pendingDiff: '-100000000000000000',
              effectBlock: '1060',
              allocatedStake: `30${E}`,
            },
          },
        },
      },
    },
    avs: {
      avs1: {
        sets: { '0': { strategies: ['stETH'], operators: ['op1'], slashCount: '2' } },
        vetoWindowBlocks: '20',
        vetoCommittee: 'guard',
        slashRequests: {
          r1: {
            operator: 'op1',
            set: '0',
            requestBlock: '1040',
            vetoableUntilBlock: '1059',
            status: 'pending',
          },
        },
      },
    },
    strategies: { stETH: { totalShares: `64${E}`, underlyingBalance: `70${E}` } },
    lst: { totalPooledEther: `100${E}`, totalShares: `90${E}` },
    vaults: {
      lrt: {
        operator: 'op1',
        stETHPrice: `1${E}`,
        supply: `60${E}`,
        totalValue: `486${E.slice(1)}`,
        rate: '810000000000000000',
        requests: {
          r1: { owner: 'alice', valueAtRequest: `36${E}`, completableAfterBlock: '1050', claimed: false },
        },
      },
    },
    validators: {
      v1: {
        owner: 'carol',
        balanceGwei: '31500000000',
        effectiveBalanceGwei: '31000000000',
        slashed: true,
        exited: false,
      },
    },
    burned: { stETH: '1' },
    lockedSlashedNativeShares: '0',
  };
}

export const fixtureConfig: ConfigView = {
  preset: 'classroom',
  withdrawalDelayBlocks: '100',
  deallocationDelayBlocks: '100',
  allocationConfigurationDelayBlocks: '10',
  startBlock: '1000',
  secondsPerBlock: '12',
  realSecondsPerBlock: '3600',
};

export const fixtureActors: ActorView[] = [
  { id: 'alice', role: 'staker', address: '0xa', operator: null, contract: null },
  { id: 'op1', role: 'operator', address: '0xb', operator: null, contract: null },
  {
    id: 'avs1',
    role: 'avs',
    address: '0xc',
    operator: null,
    contract: '0x00000000000000000000000000000000000000c3',
  },
];
