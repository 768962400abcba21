// The `restaking-sandbox` command: dispatches to `run`, `analyze` and `lesson check`.
import { analyzeCommand } from './analyze.ts';
import { processIo, type Io } from './io.ts';
import { LESSON_USAGE, lessonCommand } from './lesson.ts';
import { RUN_USAGE, runCommand } from './run.ts';

const USAGE = `${RUN_USAGE}\n       restaking-sandbox analyze [--json] [--budget SECONDS] FILE\n       ${LESSON_USAGE.replace('usage: ', '')}`;

export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'run') return runCommand(rest, io);
  if (command === 'analyze') return analyzeCommand([...rest], io);
  if (command === 'lesson') return lessonCommand(rest, io);
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(command === undefined ? USAGE : `unknown command "${command}"\n${USAGE}`);
  return 2;
}
