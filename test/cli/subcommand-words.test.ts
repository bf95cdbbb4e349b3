import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { mayChooseSubcommand } from '../../src/cli/subcommand-words.js';

describe('mayChooseSubcommand (a run builds its program without the subcommands)', () => {
  it("knows every subcommand's name, and commander's help", () => {
    const names = buildProgram(undefined, () => {}).commands.map((command) => command.name());
    expect(names.length).toBeGreaterThan(0);
    for (const name of [...names, 'help']) expect(mayChooseSubcommand([name]), name).toBe(true);
  });

  it('asks for the subcommands with any help flag, alone or among short ones', () => {
    for (const own of [['-h'], ['--help'], ['-qh'], ['-n', '3', '-h']]) {
      expect(mayChooseSubcommand(own), own.join(' ')).toBe(true);
    }
  });

  it("leaves them out of a run's command line", () => {
    for (const own of [[], ['-q', '-n', '3'], ['--name', 'deploy'], ['-q', 'http://x/']]) {
      expect(mayChooseSubcommand(own), own.join(' ')).toBe(false);
    }
    expect(buildProgram(undefined, () => {}, false).commands).toEqual([]);
  });
});
