import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { setLongTimeout } from '../shared/clock.js';
import { readProcessTable, treeOf } from './process-table.js';

/** How often settle() looks whether anything is left: from 10 ms, doubling up to 200 ms. */
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;
/** How long settle() waits for SIGKILLed processes to vanish (one stuck in the kernel may not). */
const AFTER_KILL_MS = 2000;

export interface AttemptProcessOptions {
  /**
   * The command leads a process group of its own (spawned `detached`), so one kill reaches
   * every process it started. Otherwise it shares retry-run's group (its stdin is the
   * terminal) and its process tree is looked up instead.
   */
  ownGroup: boolean;
  /** Grace between the first signal and SIGKILL. */
  killAfterMs: number;
}

/** The processes of one attempt, and the sequence that ends them (README, An attempt is a process group). */
export interface AttemptProcesses {
  /** Sends `signal` now (and SIGCONT, so a stopped process can act on it), SIGKILL after the grace. */
  stop(signal: NodeJS.Signals): void;
  /** SIGKILL now: the grace is over, or the user insisted (a second Ctrl-C). */
  kill(): void;
  /**
   * Call once the command itself has exited: when retry-run was ending the attempt (a limit,
   * a signal), resolves when nothing of it is left. A command that exited by itself resolves
   * at once: whether its leftovers stay depends on the verdict (endLeftovers).
   */
  settle(): Promise<void>;
  /**
   * Ends what a failed attempt left running (SIGTERM, then SIGKILL after the grace); resolves
   * with how many processes there were, once none is left.
   */
  endLeftovers(): Promise<number>;
}

/** The ways to reach an attempt's processes: its group, or (sharing ours) its tree. */
interface Targets {
  send(signal: NodeJS.Signals): void;
  /** How many of the attempt's processes still run. */
  count(): Promise<number>;
}

/** Attempts' and hooks' processes that have not exited yet (every other child is waited for). */
let running = 0;

/** How many of the commands retry-run started (attempts, hooks) are still running. */
export function commandsRunning(): number {
  return running;
}

export function trackAttemptProcesses(
  child: ChildProcess,
  options: AttemptProcessOptions,
): AttemptProcesses {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    running++;
    child.once('exit', () => running--);
  }
  const targets = options.ownGroup ? groupTargets(child) : treeTargets(child);
  let state: 'running' | 'stopping' | 'killed' = 'running';
  let cancelKill = () => {};
  let termSent = false;

  const kill = () => {
    cancelKill();
    state = 'killed';
    targets.send('SIGKILL');
  };
  const stop = (signal: NodeJS.Signals) => {
    if (state === 'killed') return;
    targets.send(signal);
    targets.send('SIGCONT');
    termSent ||= signal === 'SIGTERM';
    if (state === 'running') {
      state = 'stopping';
      cancelKill = setLongTimeout(kill, options.killAfterMs);
    }
  };
  const alive = async () => (await targets.count()) > 0;
  const endAll = async () => {
    // What the command left behind gets SIGTERM, even when the command itself was asked to
    // stop by another signal (a forwarded SIGINT that a background process ignores).
    if (!termSent) stop('SIGTERM');
    let waitMs = FIRST_POLL_MS;
    let killedFor = 0;
    while ((await alive()) && killedFor < AFTER_KILL_MS) {
      await delay(waitMs);
      if (state === 'killed') killedFor += waitMs;
      waitMs = Math.min(waitMs * 2, MAX_POLL_MS);
    }
    cancelKill();
  };
  const settle = async () => {
    if (state !== 'running') await endAll();
  };
  const endLeftovers = async () => {
    const left = await targets.count();
    if (left > 0) await endAll();
    return left;
  };
  return { stop, kill, settle, endLeftovers };
}

function groupTargets(child: ChildProcess): Targets {
  const pgid = child.pid;
  return {
    send: (signal) => {
      if (pgid !== undefined) signalProcess(-pgid, signal);
    },
    // kill(-pgid, 0) also counts zombies; the process table tells whether one really runs.
    count: async () => {
      if (pgid === undefined || !signalProcess(-pgid, 0)) return 0;
      const table = await readProcessTable();
      if (!table) return 1;
      return [...table.values()].filter((row) => row.pgid === pgid).length;
    },
  };
}

/**
 * Sharing retry-run's group, the attempt cannot be signalled as a group. Its tree is looked
 * up in the process table at each signal; processes seen once are signalled again later while
 * they remain in our group, so a grandchild whose parent died on SIGTERM still gets SIGKILL.
 */
function treeTargets(child: ChildProcess): Targets {
  const known = new Set<number>();
  const current = async (): Promise<number[]> => {
    const table = await readProcessTable();
    if (!table) return [];
    const ourGroup = table.get(process.pid)?.pgid;
    // The table says whether the command still runs (and so has a tree to walk).
    if (child.pid !== undefined && table.has(child.pid)) {
      for (const pid of treeOf(table, child.pid)) known.add(pid);
    }
    return [...known].filter((pid) => pid !== process.pid && table.get(pid)?.pgid === ourGroup);
  };
  return {
    send: (signal) => {
      // A SIGINT that reaches retry-run while the attempt reads the terminal is a Ctrl-C,
      // which the terminal has sent the attempt as well (same foreground group): passing it
      // on would deliver it twice, and many programs take a second Ctrl-C as "force quit".
      // The tree is still looked up, so what the command leaves behind can be ended later.
      const deliver = signal !== 'SIGINT';
      if (deliver && child.exitCode === null && child.signalCode === null) child.kill(signal);
      void current().then((pids) => deliver && pids.forEach((pid) => signalProcess(pid, signal)));
    },
    count: async () => (await current()).length,
  };
}

/** kill(2) that reports whether the target exists instead of throwing when it does not. */
function signalProcess(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The attempts a runner has running, so that none outlives retry-run. */
export interface AttemptRegistry {
  add(processes: AttemptProcesses): void;
  delete(processes: AttemptProcesses): void;
  /** SIGKILL to every attempt still running (the runner is closed). */
  killAll(): void;
}

export function createAttemptRegistry(): AttemptRegistry {
  const running = new Set<AttemptProcesses>();
  const killAll = () => running.forEach((processes) => processes.kill());
  return {
    add(processes) {
      // The last resort of an internal error that skips close(): process exit kills them.
      if (running.size === 0) process.on('exit', killAll);
      running.add(processes);
    },
    delete(processes) {
      running.delete(processes);
      if (running.size === 0) process.removeListener('exit', killAll);
    },
    killAll,
  };
}
