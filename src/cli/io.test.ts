import { describe, expect, it } from 'vitest';
import { streamIo } from './io.ts';
import { main } from './main.ts';

const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } };
};

describe('command output', () => {
  it('shows steps done of the total on a terminal, and clears the line at the end', () => {
    const out = sink(false);
    const err = sink(true);
    const io = streamIo(out.stream, err.stream);
    io.progress?.(1, 3);
    io.progress?.(3, 3);
    expect(err.written).toEqual(['\rstep 1 / 3', '\r\x1b[K']);
    expect(out.written).toEqual([]);
  });

  it('gives a file or a pipe no progress line, only whole lines', () => {
    const err = sink(false);
    const io = streamIo(sink(false).stream, err.stream);
    expect(io.progress).toBeUndefined();
    io.stderr('run: step 4 of 9');
    expect(err.written).toEqual(['run: step 4 of 9\n']);
  });

  it('prints the usage of every command, one per line', async () => {
    const out: string[] = [];
    const code = await main(['--help'], { stdout: (s) => out.push(s), stderr: () => undefined });
    expect(code).toBe(0);
    const lines = out.join('').split('\n');
    expect(lines[0]).toMatch(/^usage: restaking-sandbox run /);
    expect(lines.slice(1).map((l) => l.trim().split(' ').slice(0, 2).join(' '))).toEqual([
      'restaking-sandbox analyze',
      'restaking-sandbox lesson',
    ]);
  });
});
