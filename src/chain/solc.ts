// Compiles the miniature contracts with solc-js. Pure over its inputs (the compiler and the sources) so the
// build script and the drift test share one definition of "a fresh compile".

/** Pinned with the VM's hardfork in runtime.ts: solc's default EVM version is newer than the VM's default. */
export const EVM_VERSION = 'prague';

export interface Artifact {
  abi: readonly unknown[];
  bytecode: `0x${string}`;
}

export type Artifacts = Record<string, Artifact>;

interface SolcLike {
  compile(
    input: string,
    callbacks?: { import: (path: string) => { contents: string } | { error: string } },
  ): string;
  version(): string;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Standard-JSON input: optimizer on, metadata hash off so the bytecode depends only on the sources. */
export function solcInput(sources: Record<string, string>): string {
  return JSON.stringify({
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([path, content]) => [path, { content }])),
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 200 },
      viaIR: false,
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  });
}

/**
 * Compiles `sources` (path -> text). `resolve` supplies imported files (OpenZeppelin). Throws with every
 * compiler error when compilation fails. Returns only contracts defined in `sources`, keyed by name.
 */
export function compile(
  solc: SolcLike,
  sources: Record<string, string>,
  resolve: (path: string) => string | undefined,
): Artifacts {
  const output = JSON.parse(
    solc.compile(solcInput(sources), {
      import: (path) => {
        const contents = resolve(path);
        return contents === undefined ? { error: `not found: ${path}` } : { contents };
      },
    }),
  ) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const artifacts: Artifacts = {};
  for (const path of Object.keys(sources).sort()) {
    for (const [name, c] of Object.entries(output.contracts?.[path] ?? {})) {
      if (c.evm.bytecode.object.length === 0) continue; // interfaces and abstract contracts
      artifacts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    }
  }
  return artifacts;
}

/** The ABIs alone (abis.json), which the page loads up front; the bytecode waits for a deployment. */
export function abisOf(artifacts: Artifacts): Record<string, readonly unknown[]> {
  return Object.fromEntries(Object.entries(artifacts).map(([name, a]) => [name, a.abi]));
}
