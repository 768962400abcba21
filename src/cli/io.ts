// Output sinks for the commands, so tests can capture what a command prints.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Steps done of a long run; only a terminal shows it (a file or pipe gets clean output). */
  progress?: (done: number, total: number) => void;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  ...(process.stderr.isTTY
    ? {
        progress: (done: number, total: number) =>
          process.stderr.write(done < total ? `\rstep ${done} / ${total}` : '\r\x1b[K'),
      }
    : {}),
};

/** JSON with bigints as decimal strings (every on-chain number in our formats is a string). */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent);
}
