// Scenario configuration: the delay presets and the overrides of formats.md.
//
// Classroom compression: one block stands for one hour of real time (mechanics.md §6 suggests it). Then
// EigenLayer's 14-day withdrawal and deallocation delays are 336 blocks and the 17.5-day allocation
// configuration delay is 420 blocks: short enough to step through in a lesson, and the ratio between
// delays stays the real one. The chain itself still stamps blocks `secondsPerBlock` apart (12 s); the
// compression only says what real duration the UI shows beside a compressed delay.
import * as v from 'valibot';
import { blocks, objectMessage, positiveBlocks, wadFraction } from './scenario-fields.ts';
import { showValue, WAD } from './units.ts';

export type Preset = 'mainnet' | 'classroom';

/** The resolved configuration: every field present, every quantity a bigint. */
export interface ScenarioConfig {
  preset: Preset;
  withdrawalDelayBlocks: bigint;
  deallocationDelayBlocks: bigint;
  allocationConfigurationDelayBlocks: bigint;
  /** High enough that slashing's look-back (block − withdrawal delay − 1) never underflows. */
  startBlock: bigint;
  secondsPerBlock: bigint;
  /** WAD fraction of rewards the LST mints to its treasury. */
  lstFee: bigint;
  /** Beacon-chain initial slashing penalty = effective balance / divisor (4096 since Electra, 32 before). */
  beaconSlashingPenaltyDivisor: bigint;
}

/** Real seconds one block stands for under each preset. */
export const REAL_SECONDS_PER_BLOCK: Record<Preset, bigint> = { mainnet: 12n, classroom: 3600n };

export const PRESET_DELAYS: Record<
  Preset,
  Pick<
    ScenarioConfig,
    'withdrawalDelayBlocks' | 'deallocationDelayBlocks' | 'allocationConfigurationDelayBlocks'
  >
> = {
  // MIN_WITHDRAWAL_DELAY_BLOCKS, DEALLOCATION_DELAY, ALLOCATION_CONFIGURATION_DELAY of mainnet EigenLayer.
  mainnet: {
    withdrawalDelayBlocks: 100800n,
    deallocationDelayBlocks: 100800n,
    allocationConfigurationDelayBlocks: 126000n,
  },
  // The same 14, 14 and 17.5 days at one block per hour.
  classroom: {
    withdrawalDelayBlocks: 336n,
    deallocationDelayBlocks: 336n,
    allocationConfigurationDelayBlocks: 420n,
  },
};

export const CONFIG_DEFAULTS = {
  startBlock: 1_000_000n,
  secondsPerBlock: 12n,
  lstFee: WAD / 10n,
  beaconSlashingPenaltyDivisor: 4096n,
} as const;

/** The real-world duration, in seconds, that a delay of `blocks` stands for under `preset`. */
export function realDuration(blocks: bigint, preset: Preset): bigint {
  return blocks * REAL_SECONDS_PER_BLOCK[preset];
}

export const ConfigSchema = v.object(
  {
    preset: v.optional(
      v.picklist(
        ['mainnet', 'classroom'],
        (i) => `${showValue(i.input)} is not a preset; accepted: "mainnet" or "classroom"`,
      ),
      'classroom',
    ),
    withdrawalDelayBlocks: v.optional(blocks),
    deallocationDelayBlocks: v.optional(blocks),
    allocationConfigurationDelayBlocks: v.optional(blocks),
    startBlock: v.optional(blocks),
    secondsPerBlock: v.optional(positiveBlocks),
    lstFee: v.optional(wadFraction),
    beaconSlashingPenaltyDivisor: v.optional(positiveBlocks),
  },
  objectMessage,
);

export type ConfigInput = v.InferOutput<typeof ConfigSchema>;

/** Fills the preset's delays and the defaults under whatever the file overrides. */
export function resolveConfig(input: ConfigInput): ScenarioConfig {
  const delays = PRESET_DELAYS[input.preset];
  return {
    preset: input.preset,
    withdrawalDelayBlocks: input.withdrawalDelayBlocks ?? delays.withdrawalDelayBlocks,
    deallocationDelayBlocks: input.deallocationDelayBlocks ?? delays.deallocationDelayBlocks,
    allocationConfigurationDelayBlocks:
      input.allocationConfigurationDelayBlocks ?? delays.allocationConfigurationDelayBlocks,
    startBlock: input.startBlock ?? CONFIG_DEFAULTS.startBlock,
    secondsPerBlock: input.secondsPerBlock ?? CONFIG_DEFAULTS.secondsPerBlock,
    lstFee: input.lstFee ?? CONFIG_DEFAULTS.lstFee,
    beaconSlashingPenaltyDivisor:
      input.beaconSlashingPenaltyDivisor ?? CONFIG_DEFAULTS.beaconSlashingPenaltyDivisor,
  };
}

/** Problems no single field shows: a start block low enough to make every slash underflow (mechanics.md §6). */
export function configProblems(config: ScenarioConfig): { path: string; message: string }[] {
  if (config.startBlock > config.withdrawalDelayBlocks + 1n) return [];
  return [
    {
      path: 'config.startBlock',
      message:
        `${config.startBlock} is not above the withdrawal delay + 1 (${config.withdrawalDelayBlocks + 1n}); ` +
        'every slash would underflow its look-back; accepted: a start block above that, such as 1000000',
    },
  ];
}
