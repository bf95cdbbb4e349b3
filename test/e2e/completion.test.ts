import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const run = promisify(execFile);
const hasShell = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

async function script(shell: string) {
  const result = await runCli(['completion', shell]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const path = join(await mkdtemp(join(tmpdir(), 'retry-run-completion-')), `retry-run.${shell}`);
  await writeFile(path, result.stdout);
  return path;
}

/** Completes the words as bash would, by calling the script's function. */
async function complete(words: string[]) {
  const path = await script('bash');
  const program = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _retry_run; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return (await run('bash', ['-c', program])).stdout.split('\n').filter(Boolean);
}

describe('retry-run completion', () => {
  it('gives a bash script that parses and completes --stra to --strategy', async () => {
    await run('bash', ['-n', await script('bash')]);
    expect(await complete(['retry-run', '--stra'])).toEqual(['--strategy']);
  });

  it('completes strategies, condition tokens, subcommands and their options', async () => {
    expect(await complete(['retry-run', '-s', 'exp'])).toEqual(
      expect.arrayContaining(['exponential']),
    );
    expect(await complete(['retry-run', '--retry-on', 'ti'])).toEqual(['timeout']);
    expect(await complete(['retry-run', 'bre'])).toEqual(['breaker']);
    expect(await complete(['retry-run', 'stats', '--for'])).toEqual(['--format']);
  });

  it('completes the budget subcommand and its options', async () => {
    expect(await complete(['retry-run', 'bud'])).toEqual(['budget']);
    expect(await complete(['retry-run', 'budget', '--'])).toEqual(
      expect.arrayContaining(['--format', '--state']),
    );
  });

  for (const shell of ['zsh', 'fish']) {
    const present = hasShell(shell);
    if (!present) console.log(`skipped: ${shell} is not installed`);
    it.skipIf(!present)(`gives a ${shell} script that parses`, async () => {
      await run(shell, ['-n', await script(shell)]);
    });
  }

  it('rejects an unknown shell as a usage error', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('tcsh');
  });
});
