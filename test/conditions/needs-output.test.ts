import { describe, expect, it } from 'vitest';
import { needsOutput, parseConditions } from '../../src/conditions/conditions.js';

const needs = (list: string) => needsOutput(parseConditions(list, '--retry-on'));

describe('needsOutput', () => {
  it.each(['output:/x/', 'stdout:/x/', 'stderr:/x/i', '503', '5xx', 'connection'])(
    '%s reads the output',
    (list) => expect(needs(`exit:1,${list}`)).toBe(true),
  );

  it.each(['any', 'exit:1-3', 'exit:any', 'signal', 'signal:TERM', 'timeout'])(
    '%s needs no output: the command keeps the terminal',
    (list) => expect(needs(list)).toBe(false),
  );
});
