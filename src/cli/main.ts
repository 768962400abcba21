// The `restaking-sandbox` command: dispatches to `run`, `analyze` and `lesson check`. `analyze` and `lesson`
// are loaded when asked for, so `run` does not evaluate the analyzer or the lesson compiler first (in the
// bundle too: esbuild keeps a dynamically imported module's code unevaluated until the import runs).
import { processIo, type Io } from './io.ts';
import { runCommand } from './run.ts';
import { ANALYZE_USAGE, LESSON_USAGE, RUN_USAGE } from './usage.ts';

const USAGE = [RUN_USAGE, ANALYZE_USAGE, LESSON_USAGE]
  .map((u, i) => (i === 0 ? u : u.replace('usage: ', '       ')))
  .join('\n');

export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'run') return runCommand(rest, io);
  if (command === 'analyze') return (await import('./analyze.ts')).analyzeCommand([...rest], io);
  if (command === 'lesson') return (await import('./lesson.ts')).lessonCommand(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(command === undefined ? USAGE : `unknown command "${command}"\n${USAGE}`);
  return 2;
}
