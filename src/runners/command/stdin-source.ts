import { fstatSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Writable } from 'node:stream';
import { StdinReplay } from './stdin-replay.js';

/** `auto`: replay a stdin that is not a terminal, inherit a terminal. `none`: empty stdin. */
export type StdinMode = 'auto' | 'none';
export const STDIN_MODES: readonly StdinMode[] = ['auto', 'none'];

/** What every attempt's stdin is, decided once per run. */
export interface StdinSource {
  /** stdio[0] of this attempt's spawn. */
  stdioFor(attempt: AttemptNumber): 'inherit' | 'ignore' | 'pipe';
  /**
   * The attempt reads the terminal: it must stay in retry-run's (foreground) process group,
   * since a background group that reads the terminal is stopped by SIGTTIN.
   */
  readonly terminal: boolean;
  /** With stdio `pipe`: feed this attempt's stdin. */
  attach(target: Writable, attempt: AttemptNumber): void;
  detach(): void;
  close(): void;
  /** Why the input could not be recorded for later attempts, if it could not. */
  replayFailure(): string | undefined;
}

/** Which attempt, of how many: the last one's reads need no recording. */
export interface AttemptNumber {
  attempt: number;
  maxAttempts: number;
}

const FIXED = { attach() {}, detach() {}, close() {}, replayFailure: () => undefined };

/**
 * README, stdin. A terminal is inherited; `--stdin none`, a closed stdin and /dev/null give an
 * empty stdin without any reading; anything else (a pipe, a file, a socket) is recorded as
 * the first attempt reads it and replayed to the later ones. Our stdin is only touched when
 * an attempt is started, so a run that never reads it never waits for it.
 */
export function createStdinSource(mode: StdinMode): StdinSource {
  if (mode === 'none' || isEmptyInput()) {
    return { stdioFor: () => 'ignore', terminal: false, ...FIXED };
  }
  if (isatty(0)) return { stdioFor: () => 'inherit', terminal: true, ...FIXED };
  let replay: StdinReplay | undefined;
  return {
    // A run of one attempt replays nothing: it gets our stdin itself.
    stdioFor: ({ maxAttempts }) => (maxAttempts === 1 ? 'inherit' : 'pipe'),
    terminal: false,
    attach: (target, { attempt, maxAttempts }) =>
      (replay ??= new StdinReplay(process.stdin)).attach(target, attempt < maxAttempts),
    detach: () => replay?.detach(),
    close: () => replay?.close(),
    replayFailure: () => replay?.failure,
  };
}

/** fd 0 is closed or is /dev/null: nothing to read, nothing to record. */
function isEmptyInput(): boolean {
  let stdin;
  try {
    stdin = fstatSync(0);
  } catch {
    return true;
  }
  if (!stdin.isCharacterDevice()) return false;
  try {
    return stdin.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
