// Output sinks for the commands, so tests can capture what a command prints, and reading their input files.
import { readFile } from 'node:fs/promises';
import { parseInput } from '../engine/input-limits.ts';

/** Exit status of an answer cut short by the budget (`run`, `analyze`): usable, but not the whole answer. */
export const EXIT_INCOMPLETE = 3;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Steps done of a long run; only a terminal shows it (a file or pipe gets clean output). */
  progress?: (done: number, total: number) => void;
}

interface Stream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** Output to two streams; progress only when stderr is a terminal (a file or pipe gets clean output). */
export function streamIo(out: Stream, err: Stream): Io {
  return {
    stdout: (s) => out.write(s.endsWith('\n') ? s : `${s}\n`),
    stderr: (s) => err.write(s.endsWith('\n') ? s : `${s}\n`),
    ...(err.isTTY === true
      ? {
          progress: (done: number, total: number) =>
            err.write(done < total ? `\rstep ${done} / ${total}` : '\r\x1b[K'),
        }
      : {}),
  };
}

export const processIo: Io = streamIo(process.stdout, process.stderr);

/** JSON with bigints as decimal strings (every on-chain number in our formats is a string). */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent);
}

/** A JSON file read as the page reads an import: a byte order mark allowed, depth and size limited. */
export async function readJsonFile(
  file: string,
): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as Error).message}` };
  }
  return parseInput(text, file);
}

/** `--budget SECONDS` taken out of the arguments, as milliseconds. */
export function budgetOption(
  args: readonly string[],
  defaultMs: number,
): { ok: true; ms: number; rest: string[] } | { ok: false; message: string } {
  const at = args.indexOf('--budget');
  if (at < 0) return { ok: true, ms: defaultMs, rest: [...args] };
  const value = args[at + 1] ?? '';
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    return { ok: false, message: `--budget takes a number of seconds above 0, not "${value}"` };
  return { ok: true, ms: Number(value) * 1000, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}
