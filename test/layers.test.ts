// The layer arrows of architecture.md are lint errors, not review comments: check that the ESLint config
// rejects an upward import from each guarded layer and accepts a downward one.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/chain/probe.ts', "import { runStep } from '../protocol/runner.ts';\nexport { runStep };\n"],
    ['src/analysis/probe.ts', "import { read } from '../chain/runtime.ts';\nexport { read };\n"],
    [
      'src/protocol/probe.ts',
      "import { connectChain } from '../engine/chain-client.ts';\nexport { connectChain };\n",
    ],
    ['lessons/01-x/machine.ts', "import { read } from '../../src/chain/runtime.ts';\nexport { read };\n"],
  ])('%s may not import upward or sideways', async (file, source) => {
    expect(await restrictedImports(file, source)).toHaveLength(1);
  });

  it('lets protocol/ import chain/ and analysis/', async () => {
    const source =
      "import { read } from '../chain/runtime.ts';\nimport { validateNetwork } from '../analysis/network.ts';\nexport { read, validateNetwork };\n";
    expect(await restrictedImports('src/protocol/probe.ts', source)).toEqual([]);
  });
});
