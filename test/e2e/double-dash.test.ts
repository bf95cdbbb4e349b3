import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HINT = 'retry-run: to run a command, put -- before it: ';

describe('a forgotten --', () => {
  it.each([
    [['curl', '-fsS', 'http://x'], 'retry-run -- curl -fsS http://x'],
    [
      ['-n', '3', 'curl', '-fsS', 'https://x/a?b=1'],
      "retry-run -n 3 -- curl -fsS 'https://x/a?b=1'",
    ],
    // `-v` is retry-run's own too, but after the command's name it was meant for curl.
    [['curl', '-v', 'http://x'], 'retry-run -- curl -v http://x'],
    [['--base=1s', 'make', 'it work'], "retry-run --base=1s -- make 'it work'"],
  ])('%j is shown with the -- where it goes (exit 125, nothing run)', async (args, corrected) => {
    const result = await runCli(args);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(`${HINT}${corrected}\n`);
    expect(result.stdout).toBe('');
  });

  it('still names the unknown option it saw', async () => {
    const result = await runCli(['curl', '-fsS', 'http://x']);
    expect(result.stderr).toContain("unknown option '-fsS'");
  });

  it.each([
    [['--bse', '1', 'curl'], "unknown option '--bse'"],
    [['https://x', '-fsS'], "unknown option '-fsS'"],
    [['explain', '--bogus'], "unknown option '--bogus'"],
  ])('%j is not taken for one: a typo, a URL or a subcommand', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('put -- before it');
  });

  it('does not take an option value split in two for a command to run', async () => {
    const result = await runCli(['--base', '1', 'second', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain("unexpected 'second' before --");
    expect(result.stderr).not.toContain('put -- before it');
    expect(result.stderr).not.toContain('-- second');
  });
});
