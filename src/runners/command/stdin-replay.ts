import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';

/** Recorded stdin stays in memory up to this size, then moves to a temporary file. */
export const STDIN_MEMORY_LIMIT = 1024 * 1024;

/**
 * README, stdin: a stdin that is not a terminal is read once, only as fast as the attempts take it,
 * and every byte read is recorded, so each later attempt is fed the same bytes again before
 * the live rest. The recording stays in memory up to 1 MiB, then in a temporary file that
 * close() (or, failing that, process exit) removes.
 */
export class StdinReplay {
  private readonly memory: Buffer[] = [];
  private recordedBytes = 0;
  private spool: { dir: string; path: string; fd: number } | undefined;
  private sourceEnded = false;
  private recordingFailure: string | undefined;
  private recordMore = true;
  private listening = false;
  /** The attempt's stdin while it is fed live data. */
  private live: Writable | undefined;
  private feeding: { target: Writable; replay?: Readable } | undefined;
  private readonly removeSpoolAtExit = () => this.removeSpool();

  constructor(private readonly source: Readable) {}

  /**
   * Feeds an attempt's stdin: what was recorded so far, then the live rest of our stdin.
   * `recordMore` is false for the last attempt: nothing comes after it to replay to.
   */
  attach(target: Writable, recordMore = true): void {
    this.detach();
    this.recordMore = recordMore;
    // A command that exits without reading its stdin makes writes fail with EPIPE: expected.
    target.on('error', () => {});
    const feeding: { target: Writable; replay?: Readable } = { target };
    this.feeding = feeding;
    if (this.recordedBytes === 0) return this.goLive(target);
    const replay = this.recording();
    feeding.replay = replay;
    replay.once('end', () => {
      if (this.feeding === feeding) this.goLive(target);
    });
    replay.on('error', () => target.destroy());
    replay.pipe(target, { end: false });
  }

  /** Stops feeding the current attempt (it has exited); our stdin is paused until the next. */
  detach(): void {
    if (!this.feeding) return;
    const { target, replay } = this.feeding;
    this.feeding = undefined;
    this.live = undefined;
    if (this.listening) this.source.pause();
    replay?.unpipe(target);
    replay?.destroy();
    target.destroy();
  }

  /**
   * Lets go of our stdin (paused and without our listeners it keeps no process alive, and a
   * library's host may still read it) and removes the spool file.
   */
  close(): void {
    this.detach();
    this.source.removeListener('data', this.onData);
    this.source.removeListener('end', this.onEnd);
    this.source.removeListener('error', this.onEnd);
    this.source.pause();
    this.removeSpool();
  }

  private goLive(target: Writable): void {
    if (this.sourceEnded) {
      target.end();
      return;
    }
    this.live = target;
    if (!this.listening) {
      this.listening = true;
      this.source.on('data', this.onData);
      this.source.once('end', this.onEnd);
      // A stdin that fails to read counts as ended: the attempts get what came before.
      this.source.once('error', this.onEnd);
    }
    this.source.resume();
  }

  private readonly onData = (chunk: Buffer) => {
    this.record(chunk);
    const target = this.live;
    if (target && !target.write(chunk)) {
      this.source.pause();
      target.once('drain', () => {
        if (this.live === target) this.source.resume();
      });
    }
  };

  private readonly onEnd = () => {
    this.sourceEnded = true;
    this.live?.end();
  };

  /**
   * Why the input could not be recorded (no room in `$TMPDIR`, or none), if it could not: the
   * attempt being fed goes on with the live input, but no later attempt can be given the same.
   */
  get failure(): string | undefined {
    return this.recordingFailure;
  }

  private record(chunk: Buffer): void {
    if (!this.recordMore || this.recordingFailure) return;
    this.recordedBytes += chunk.length;
    try {
      if (!this.spool && this.recordedBytes > STDIN_MEMORY_LIMIT) this.moveToSpool();
      if (this.spool) writeSync(this.spool.fd, chunk);
      else this.memory.push(chunk);
    } catch (error) {
      this.recordingFailure = `its stdin could not be recorded for a replay in ${tmpdir()}: ${(error as Error).message}`;
      this.memory.splice(0);
      this.removeSpool();
    }
  }

  private moveToSpool(): void {
    const dir = mkdtempSync(join(tmpdir(), 'retry-run-stdin-'));
    const path = join(dir, 'stdin');
    this.spool = { dir, path, fd: -1 };
    process.once('exit', this.removeSpoolAtExit);
    this.spool.fd = openSync(path, 'w', 0o600);
    for (const buffered of this.memory.splice(0)) writeSync(this.spool.fd, buffered);
  }

  /** The bytes recorded so far, as a stream. */
  private recording(): Readable {
    if (!this.spool) return Readable.from(this.memory.slice(), { objectMode: false });
    return createReadStream(this.spool.path, { start: 0, end: this.recordedBytes - 1 });
  }

  private removeSpool(): void {
    if (!this.spool) return;
    const { dir, fd } = this.spool;
    this.spool = undefined;
    process.removeListener('exit', this.removeSpoolAtExit);
    try {
      if (fd >= 0) closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
