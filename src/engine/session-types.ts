// The plain data the chain worker sends the page about a sandbox session: its history tree, branches, cursor
// and the world at the cursor. Everything here survives structured clone and JSON (integers are decimal
// strings), so the page never holds a chain object and a test can compare it with a headless run.
import type { ActorRole, World } from '../protocol/world-types.ts';

/** One scenario@1 step exactly as written in a scenario file (`{ action: "avs.slash", by: "avs1", … }`). */
export type StepJson = { action: string } & Record<string, unknown>;

/** A decoded argument as plain data: integers as decimal base-unit strings, addresses named; structs and arrays kept. */
export type ArgValue = string | ArgValue[] | { [field: string]: ArgValue };

/** One named argument of a call or an event, for decoding into its unit (views/txlog/arg-units.ts). */
export interface ArgEntry {
  name: string;
  value: ArgValue;
}

export interface EventView {
  /** The miniature contract that emitted it (`MiniAllocationManager`), or null when unknown. */
  contract: string | null;
  eventName: string;
  /** Arguments by name, rendered as text: integers in decimal base units, addresses as actor ids where known. */
  args: Record<string, string>;
  /** The same arguments with their structure, in order. */
  params?: ArgEntry[];
}

export interface TxView {
  hash: string;
  /** An impersonated (unsigned) transaction: bulk replay only. */
  unsigned: boolean;
  ok: boolean;
  block: string;
  timestamp: string;
  /** Actor id of the signer (or the system account's name, or the raw address). */
  from: string;
  /** Actor id or contract name of the recipient; null for a deployment. */
  to: string | null;
  nonce: string;
  gasUsed: string;
  /** `args` rendered as text (raw integers); `params` the same values named by the ABI, with their structure. */
  call: { contract: string; functionName: string; args: string[]; params?: ArgEntry[] } | null;
  events: EventView[];
}

/** A node of the history tree: one step performed on the chain after its parent's state. */
export interface HistoryNode {
  id: number;
  /** The node this step was performed after; null for the first step after genesis. */
  parent: number | null;
  step: StepJson;
  /** A one-line description: "alice deposits 40 ETH into stETH". */
  label: string;
  txs: TxView[];
  /** The head after the step. */
  block: string;
  timestamp: string;
  /** The custom error a step marked `expectRevert` got (its transactions were rolled back). */
  expectedRevert: string | null;
}

/** A named line of history: the path from genesis to `head`. */
export interface Branch {
  id: string;
  name: string;
  /** The branch's last node; null while it is still at genesis. */
  head: number | null;
}

export interface ConfigView {
  preset: 'mainnet' | 'classroom';
  withdrawalDelayBlocks: string;
  deallocationDelayBlocks: string;
  allocationConfigurationDelayBlocks: string;
  startBlock: string;
  /** Seconds between the chain's blocks (timestamps). */
  secondsPerBlock: string;
  /** Real-world seconds one block stands for under the preset (classroom: one block is one hour). */
  realSecondsPerBlock: string;
}

export interface ActorView {
  id: string;
  role: ActorRole;
  address: string;
  /** A vault's operator. */
  operator: string | null;
  /** An AVS's MiniAVS contract or a vault's MiniLRT token. */
  contract: string | null;
}

/** Where the sandbox is: on a branch, after a node of its path (null: at genesis). */
export interface Cursor {
  branch: string;
  node: number | null;
}

/**
 * The session as the page sees it. `nodes` holds every node of every branch; the worker sends only what
 * changed (see SessionUpdate), the page merges.
 */
export interface SessionState {
  title: string;
  description: string;
  config: ConfigView;
  actors: ActorView[];
  nodes: Record<number, HistoryNode>;
  branches: Branch[];
  cursor: Cursor;
  /** World at the cursor. */
  world: World;
  /** Where this session came from: a preset id, an imported file, a shared link. */
  source: string;
}

/** What a worker call changed. `reset` replaces the whole session (a new scenario was loaded). */
export interface SessionUpdate {
  reset: boolean;
  header?: Pick<SessionState, 'title' | 'description' | 'config' | 'actors' | 'source'>;
  /** Nodes created by this call (all nodes when reset). */
  nodes: HistoryNode[];
  branches: Branch[];
  cursor: Cursor;
  world: World;
}

/** Why an action, a file or a link was refused. Nothing changed. */
export interface Problem {
  kind: 'invalid' | 'revert' | 'error';
  /** What is wrong, naming the field or step. */
  message: string;
  /** The contract rule that was broken, in plain words, with the numbers (reverts only). */
  explanation?: string;
  /** The decoded custom error (reverts only), with the revert data as the contract returned it. */
  error?: { name: string; args: string[]; data?: string };
}

export type Outcome = { ok: true; update: SessionUpdate } | { ok: false; problem: Problem };

/** Key quantities over a branch's path, for the time-series charts (one point per position). */
export interface SeriesPoint {
  /** Position on the path: 0 is genesis. */
  position: number;
  node: number | null;
  block: string;
  /** `<operator> · <strategy>` → the operator's delegated shares in that strategy (base units). */
  operatorStake: Record<string, string>;
  /** Vault id → value of one vault token (WAD). */
  vaultRate: Record<string, string>;
  /** `<avs>/<set>` → stake allocated to the set, summed over operators and strategies (wei). */
  slashableStake: Record<string, string>;
}
