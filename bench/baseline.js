// The floor retry-run is measured against: Node's own start plus one spawn of the command,
// exiting with its code. Usage: node bench/baseline.js <command> [args...]
// BASELINE_SPAWNS=N spawns it N times, one after the other, and exits with the last code: the
// floor of retry-run's extra attempts, which is Node's own spawn (README, Performance).
import { spawn } from 'node:child_process';

const [command = 'true', ...args] = process.argv.slice(2);
let left = Number(process.env.BASELINE_SPAWNS ?? 1);
const once = () =>
  spawn(command, args, { stdio: 'inherit' }).on('exit', (code) =>
    --left > 0 ? once() : process.exit(code ?? 1),
  );
once();
