import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STDIN_MEMORY_LIMIT, StdinReplay } from '../../../src/runners/command/stdin-replay.js';

let dir: string;
const savedTmpdir = process.env.TMPDIR;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retry-run-replay-'));
  process.env.TMPDIR = dir;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(dir, { recursive: true, force: true });
});

/** An attempt's stdin: collects what it is fed until it is ended. */
function attemptInput() {
  const target = new PassThrough();
  const chunks: Buffer[] = [];
  target.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) =>
    target.on('end', () => resolve(Buffer.concat(chunks))),
  );
  return { target, ended };
}

describe('StdinReplay', () => {
  it.each([
    ['in memory', 1000],
    ['through a spool file', STDIN_MEMORY_LIMIT + 12_345],
  ])('replays what was read %s, byte for byte, and close() removes the spool', async (_, size) => {
    const data = randomBytes(size);
    const source = new PassThrough();
    const replay = new StdinReplay(source);
    const first = attemptInput();
    replay.attach(first.target);
    source.end(data);
    expect((await first.ended).equals(data)).toBe(true);
    for (let i = 0; i < 2; i++) {
      replay.detach();
      const again = attemptInput();
      replay.attach(again.target);
      expect((await again.ended).equals(data)).toBe(true);
    }
    expect(readdirSync(dir).length).toBe(size > STDIN_MEMORY_LIMIT ? 1 : 0);
    replay.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('feeds the recorded part, then the live rest, to an attempt after one that stopped early', async () => {
    const source = new PassThrough();
    const replay = new StdinReplay(source);
    const first = attemptInput();
    replay.attach(first.target);
    const fed = new Promise((resolve) => first.target.once('data', resolve));
    source.write('head ');
    await fed;
    replay.detach();
    const second = attemptInput();
    replay.attach(second.target);
    source.end('tail');
    expect((await second.ended).toString()).toBe('head tail');
    replay.close();
  });
});
