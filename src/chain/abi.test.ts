import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abiOf, abis, bytecodeOf } from './abi.ts';

const artifacts = JSON.parse(
  readFileSync(new URL('./contracts/artifacts.json', import.meta.url), 'utf8'),
) as Record<string, { abi: unknown[]; bytecode: string }>;

describe('the compiled contracts, split for the page', () => {
  it('abis.json holds exactly the ABIs of artifacts.json (run `npm run contracts` after editing Solidity)', () => {
    expect(Object.keys(abis).sort()).toEqual(Object.keys(artifacts).sort());
    for (const [name, a] of Object.entries(artifacts)) expect(abiOf(name)).toEqual(a.abi);
  });

  it('loads the creation bytecode on demand, and names a contract it does not have', async () => {
    expect(await bytecodeOf('Multicall3')).toBe(artifacts['Multicall3']?.bytecode);
    await expect(bytecodeOf('NoSuchContract')).rejects.toThrow('no compiled contract named NoSuchContract');
  });
});
