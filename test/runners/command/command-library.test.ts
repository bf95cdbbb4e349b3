import { describe, expect, it } from 'vitest';
import { retry } from '../../../src/engine/retry.js';
import { argvCommand, createCommandRunner } from '../../../src/runners/command/command.js';

/** Prints `not ready yet` and exits 0 on the first attempt; `ready` on the next ones. */
const readyOnSecond = argvCommand([
  process.execPath,
  '-e',
  'console.log(process.env.RETRY_RUN_ATTEMPT === "1" ? "not ready yet" : "ready")',
]);

describe('the command runner, as a library uses it', () => {
  it('keeps output tails on its own when the conditions read the output', async () => {
    const runner = createCommandRunner({ command: readyOnSecond });
    try {
      const result = await retry({
        runner,
        policy: { baseMs: 0, maxAttempts: 3 },
        conditions: { until: [/^ready$/m] },
      });
      expect(result.outcome).toBe('success');
      expect(result.attempts).toBe(2);
      expect(result.attemptsLog[0]!.result.stdoutTail).toBe('not ready yet\n');
    } finally {
      await runner.close?.();
    }
  });

  it.each([
    [{ command: ['make'] }, 'command: expected argvCommand([…]) or shellCommand('],
    [
      { command: readyOnSecond, killAfterMs: '5s' },
      "killAfterMs: expected a number of milliseconds >= 0 (got the string '5s')",
    ],
    [
      { command: readyOnSecond, stdin: 'inherit' },
      "stdin: expected one of auto, none (got the string 'inherit')",
    ],
    [
      { command: readyOnSecond, capture: { stdout: 'held' } },
      "capture.stdout: expected one of live, final (got the string 'held')",
    ],
  ])('checks its options where they enter, naming the option: %o', (options, message) => {
    expect(() => createCommandRunner(options as never)).toThrow(message);
  });
});
