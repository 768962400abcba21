// `restaking-sandbox analyze [--json] [--budget SECONDS] FILE`: analysis@1 JSON with --json, a readable
// report otherwise. Exit 2 when the file cannot be read or is not a valid network@1 (the first problems
// listed with their JSON paths, the rest counted), 0 otherwise, whatever the verdict: an insecure network is
// an answer, not an error. Progress goes to stderr; past the budget the answer is what was proved by then,
// marked incomplete (exit 3), never a silent hang.
import { analyzeNetwork, toAnalysisJson } from '../analysis/analyze.ts';
import { DEFAULT_BUDGET_MS, type Progress } from '../analysis/budget.ts';
import { formatValidationError, validateNetwork } from '../analysis/network.ts';
import { formatReport } from '../analysis/report.ts';
import { moreProblems } from '../protocol/scenario-schema.ts';
import { budgetOption, EXIT_INCOMPLETE, readJsonFile, type Io as Output } from './io.ts';
import { ANALYZE_USAGE } from './usage.ts';

export { EXIT_INCOMPLETE };

const USAGE = `${ANALYZE_USAGE}\n`;

export async function analyzeCommand(args: string[], out: Output): Promise<number> {
  const budget = budgetOption(args, DEFAULT_BUDGET_MS);
  if (!budget.ok) {
    out.stderr(`${budget.message}\n${USAGE}`);
    return 2;
  }
  const json = budget.rest.includes('--json');
  const rest = budget.rest.filter((a) => a !== '--json');
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '-');
  if (unknown.length > 0 || rest.length !== 1) {
    out.stderr(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = rest[0] ?? '';
  const input = await readJsonFile(file);
  if (!input.ok) {
    out.stderr(`${input.message}\n`);
    return 2;
  }
  const checked = validateNetwork(input.json);
  if (!checked.ok) {
    const lines = checked.errors.slice(0, 20).map((e) => `  ${formatValidationError(e)}`);
    const more = moreProblems(checked.errors.length, lines.length).map((l) => `  ${l}`);
    out.stderr(
      `${file}: not a valid restaking-sandbox/network@1 file (${checked.errors.length} problem(s)):\n${[...lines, ...more].join('\n')}\n`,
    );
    return 2;
  }
  let lastStage = '';
  const onProgress = (p: Progress) => {
    if (p.stage === lastStage) return;
    lastStage = p.stage;
    out.stderr(`analyze: ${p.stage} (${(p.elapsedMs / 1000).toFixed(1)} s of ${p.budgetMs / 1000} s)\n`);
  };
  const analysis = await analyzeNetwork(checked.network, { budget: { ms: budget.ms, onProgress } });
  out.stdout(json ? `${JSON.stringify(toAnalysisJson(analysis), null, 2)}\n` : formatReport(analysis, file));
  if (analysis.incomplete === null) return 0;
  out.stderr(`analyze: ${analysis.certificate.notes[0] ?? 'incomplete'}\n`);
  return EXIT_INCOMPLETE;
}
