import { describe, expect, it } from 'vitest';
import { argvCommand, shellCommand } from '../../src/runners/command/command.js';
import { defaultRunName, normalizeObservability } from '../../src/config/observability.js';

describe('the run name (README, Monitoring)', () => {
  it.each([
    [
      'the breaker name first',
      { breaker: 'payments api', command: argvCommand(['curl']) },
      'payments api',
    ],
    [
      "the command's basename",
      { command: argvCommand(['/usr/local/bin/deploy.sh', '--token=s3cret']) },
      'deploy.sh',
    ],
    [
      "a script's first program",
      { command: shellCommand('FOO=1 BAR=2 make test | tee log') },
      'make',
    ],
    [
      "a script's first real command, past keywords, builtins and assignments",
      {
        command: shellCommand(
          'set -euo pipefail\ntrap "rm -f x" EXIT\ncd app && export A=b\necho start; : ok; true\nfor i in 1 2; do A=1 ./build.sh "$i"; done',
        ),
      },
      'build.sh',
    ],
    ['a command after if', { command: shellCommand('if [ -f x ]; then make; fi') }, 'make'],
    ['sh, for a script of builtins only', { command: shellCommand('cd / && echo hi') }, 'sh'],
    [
      'curl after the host and first path segment of its URL',
      { command: argvCommand(['curl', '-fsS', 'https://user:pw@api.example.com/v1/items?t=x']) },
      'api.example.com/v1',
    ],
    [
      'wget in a script the same way',
      { command: shellCommand("set -e; wget -q 'http://mirror.example.org/debian/pool/x.deb'") },
      'mirror.example.org/debian',
    ],
    [
      'curl without a URL path after its host',
      { command: shellCommand('curl -sS https://example.com') },
      'example.com',
    ],
    ['curl with no URL as curl', { command: argvCommand(['curl', '--version']) }, 'curl'],
    [
      "the URL's host",
      { url: 'https://user:pw@api.example.test:8443/health?token=x' },
      'api.example.test:8443',
    ],
  ])('is %s', (_what, target, name) => {
    expect(defaultRunName(target)).toBe(name);
  });

  it('never keeps an argument of the command', () => {
    const config = normalizeObservability(
      {},
      { command: argvCommand(['mysql', '--password=hunter2']) },
    );
    expect(JSON.stringify(config)).not.toContain('hunter2');
  });
});

describe('the §9 options', () => {
  it('have their defaults', () => {
    expect(normalizeObservability({}, { command: argvCommand(['make']) })).toEqual({
      name: 'make',
      record: true,
      warnAfter: 2,
      stepSummary: 'retries',
    });
  });

  it('take --name, --no-record, --report, --metrics-file and --warn-after', () => {
    expect(
      normalizeObservability(
        { name: 'ci:unit', record: false, report: 'r.json', metricsFile: 'm.prom', warnAfter: '3' },
        { command: argvCommand(['make']) },
      ),
    ).toEqual({
      name: 'ci:unit',
      record: false,
      reportFile: 'r.json',
      metricsFile: 'm.prom',
      warnAfter: 3,
      stepSummary: 'retries',
    });
  });

  it.each([
    [{ name: '' }, "--name: expected a name of 1 to 128 bytes of printable text (UTF-8) (got '')"],
    [{ name: 'a\nb' }, '--name: expected a name of 1 to 128 bytes of printable text (UTF-8)'],
    [{ warnAfter: '0' }, "--warn-after: expected a whole number from 1 to 1000000 (got '0')"],
    [{ warnAfter: 'two' }, '--warn-after'],
    [{ report: ' ' }, "--report: expected a file path (got ' ')"],
  ])('reject %j naming the flag', (raw, message) => {
    expect(() => normalizeObservability(raw, { command: argvCommand(['make']) })).toThrow(message);
  });
});
