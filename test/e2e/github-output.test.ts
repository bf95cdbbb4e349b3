import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const failTimes = (n: number, code = 1) => [
  process.execPath,
  `${FIXTURES}fail-n-times.js`,
  String(n),
  String(code),
];

async function scratchFile(name: string, content = '') {
  const path = join(await mkdtemp(join(tmpdir(), 'retry-run-gha-')), name);
  await writeFile(path, content);
  return path;
}

describe('$GITHUB_OUTPUT', () => {
  it('gets attempts, exit-code and outcome after a run that succeeded', async () => {
    const output = await scratchFile('output', 'earlier=1\n');
    const result = await runCli(['-b', '0', '--', ...failTimes(2)], {
      env: { GITHUB_OUTPUT: output },
    });
    expect(result.code).toBe(0);
    expect(await readFile(output, 'utf8')).toBe(
      'earlier=1\nattempts=3\nexit-code=0\noutcome=success\n',
    );
  });

  it('gets the final exit code and outcome of a run that failed', async () => {
    const output = await scratchFile('output');
    const result = await runCli(['-n', '2', '-b', '0', '--', ...failTimes(5, 4)], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output },
    });
    expect(result.code).toBe(4);
    expect(await readFile(output, 'utf8')).toBe('attempts=2\nexit-code=4\noutcome=exhausted\n');
  });
});

describe('the step summary', () => {
  const run = async (args: string[], attemptsToFail: number) => {
    const summary = await scratchFile('summary.md');
    const result = await runCli([...args, '-b', '0', '--', ...failTimes(attemptsToFail)], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(0);
    return readFile(summary, 'utf8');
  };

  it('is written by default only for a run that retried or failed', async () => {
    expect(await run([], 0)).toBe('');
    expect(await run([], 1)).toContain('succeeded after 2 attempts');
  });

  it('is written for every run with --step-summary always, none with never', async () => {
    expect(await run(['--step-summary', 'always'], 0)).toContain('succeeded after 1 attempt');
    expect(await run(['--step-summary', 'never'], 2)).toBe('');
  });

  it('rejects an unknown --step-summary mode as a usage error', async () => {
    const result = await runCli(['--step-summary', 'sometimes', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('--step-summary');
  });

  it('shows the script exactly as it ran', async () => {
    const summary = await scratchFile('summary.md');
    const script = 'echo "`echo a`" | tr a b && ```true``` ; exit 3';
    const result = await runCli(['-n', '1', '-S', script], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(3);
    expect(await readFile(summary, 'utf8')).toContain(`\n\`\`\`\`sh\n${script}\n\`\`\`\`\n`);
  });
});
