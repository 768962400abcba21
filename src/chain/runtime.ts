// The chain runtime's public surface: layers above and contract tests import from here.
export * from './evm.ts';
export * from './tx.ts';
export * from './call.ts';
export * from './snapshot.ts';
export {
  abiOf,
  abis,
  bytecodeOf,
  decodeRevert,
  decodeLog,
  type DecodedEvent,
  type DecodedError,
} from './abi.ts';
export { evmSpeedupsInstalled } from './evm-speedups.ts';
export { useOriginalLoop } from './evm-sync-steps.ts';
export { chainFromImage, imageOf, type ChainImage } from './image.ts';
export { stateAt } from './state-at.ts';
export { installMulticall3, MULTICALL3_ADDRESS } from './multicall.ts';
export { trackWrites, forgetReads, readMemo, keptReads, keepReads, type Kept } from './read-memo.ts';
export { proofOf, type Proof } from './proof.ts';
