// The committed artifacts must be exactly what a fresh compile of the committed sources produces, so the app
// and the CLI never run bytecode that differs from the Solidity a reader sees.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, EVM_VERSION } from '../src/chain/solc.ts';
import { HARDFORK } from '../src/chain/evm.ts';
import { ARTIFACTS_FILE, loadSolc, readSources, resolveImport } from '../src/cli/contract-sources.ts';

describe('compiled artifacts', () => {
  it('match a fresh compile of src/chain/contracts (run `npm run contracts` after editing Solidity)', async () => {
    const solc = await loadSolc();
    expect(solc.version()).toMatch(/^0\.8\.30\+/);
    const fresh = compile(solc, readSources(), resolveImport);
    const committed = JSON.parse(readFileSync(ARTIFACTS_FILE, 'utf8')) as unknown;
    expect(Object.keys(committed as object).sort()).toEqual(Object.keys(fresh).sort());
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('pins the EVM version to the VM hardfork', () => {
    expect(EVM_VERSION).toBe(HARDFORK);
  });
});
