import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;

describe('the version', () => {
  it.each(['-V', '--version'])('is printed by %s', async (flag) => {
    const result = await runCli([flag]);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
