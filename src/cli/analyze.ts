// `restaking-sandbox analyze [--json] FILE`: analysis@1 JSON with --json, a readable report otherwise.
// Exit 2 when the file cannot be read or is not a valid network@1 (every problem listed with its JSON
// path), 0 otherwise, whatever the verdict: an insecure network is an answer, not an error.
import { readFile } from 'node:fs/promises';
import { analyzeNetwork, toAnalysisJson } from '../analysis/analyze.ts';
import { formatValidationError, validateNetwork } from '../analysis/network.ts';
import { formatReport } from '../analysis/report.ts';

import type { Io as Output } from './io.ts';

const USAGE = 'usage: restaking-sandbox analyze [--json] FILE\n';

export async function analyzeCommand(args: string[], out: Output): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '-');
  if (unknown.length > 0 || rest.length !== 1) {
    out.stderr(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = rest[0] ?? '';
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (err) {
    const why = err instanceof SyntaxError ? `not valid JSON: ${err.message}` : (err as Error).message;
    out.stderr(`${file}: ${why}\n`);
    return 2;
  }
  const checked = validateNetwork(input);
  if (!checked.ok) {
    const lines = checked.errors.map((e) => `  ${formatValidationError(e)}`);
    out.stderr(
      `${file}: not a valid restaking-sandbox/network@1 file (${checked.errors.length} problem(s)):\n${lines.join('\n')}\n`,
    );
    return 2;
  }
  const analysis = await analyzeNetwork(checked.network);
  out.stdout(json ? `${JSON.stringify(toAnalysisJson(analysis), null, 2)}\n` : formatReport(analysis, file));
  return 0;
}
