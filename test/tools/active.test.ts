import { describe, expect, it } from 'vitest';
import { toolForCommand } from '../../src/tools/active.js';

describe('toolForCommand', () => {
  it('finds a built-in tool by the basename of argv[0]', () => {
    expect(toolForCommand('/usr/bin/curl')?.name).toBe('curl');
    expect(toolForCommand('oc')?.name).toBe('kubectl');
    expect(toolForCommand('true')).toBeUndefined();
    expect(toolForCommand('/usr/bin/curl-wrapper')).toBeUndefined();
  });

  it("finds a --tools-file's own tools, which the built-in list does not name", () => {
    const extra = { deploy: { commands: ['deploy.sh'], readsRetryAfter: true } };
    expect(toolForCommand('./deploy.sh', extra)?.readsRetryAfter).toBe(true);
    expect(toolForCommand('./deploy.sh')).toBeUndefined();
    expect(toolForCommand('curl', extra)?.name).toBe('curl');
  });
});
