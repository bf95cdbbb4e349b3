// The floor retry-run is measured against: Node's own start plus one spawn of the command,
// exiting with its code. Usage: node bench/baseline.js <command> [args...]
import { spawn } from 'node:child_process';

const [command = 'true', ...args] = process.argv.slice(2);
spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 1));
