// The floor retry-run is measured against: Node's own start plus one spawn of the command,
// exiting with its code. Usage: node bench/baseline.js <command> [args...]
// BASELINE_SPAWNS=N spawns it N times, one after the other, and exits with the last code: the
// floor of retry-run's extra attempts, which is Node's own spawn (README, Performance).
// BASELINE_PAUSE_MS=M waits M ms on a Node timer between those spawns: the floor of retry-run's
// waits, which is Node's own timer and a spawn after it.
import { spawn } from 'node:child_process';

const [command = 'true', ...args] = process.argv.slice(2);
let left = Number(process.env.BASELINE_SPAWNS ?? 1);
const pauseMs = Number(process.env.BASELINE_PAUSE_MS ?? 0);
const once = () =>
  spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => {
    if (--left <= 0) process.exit(code ?? 1);
    else if (pauseMs > 0) setTimeout(once, pauseMs);
    else once();
  });
once();
