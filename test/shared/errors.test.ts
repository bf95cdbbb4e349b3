import { describe, expect, it } from 'vitest';
import {
  BodyWriteError,
  ERROR_EXIT,
  EXIT_CODES,
  isBodyWriteError,
  isOutputWriteError,
  isRegexTooCostlyError,
  isRetryRunError,
  isSimulationLimitError,
  isStoreError,
  isUsageError,
  OutputWriteError,
  RegexTooCostlyError,
  RetryRunError,
  SimulationLimitError,
  StoreError,
  UsageError,
} from '../../src/index.js';

describe('the error family', () => {
  const cases = [
    { error: new UsageError('--max: bad'), code: 'ERR_USAGE', exit: 125, guard: isUsageError },
    {
      error: new RegexTooCostlyError('--until: too slow'),
      code: 'ERR_REGEX_TOO_COSTLY',
      exit: 125,
      guard: isRegexTooCostlyError,
    },
    {
      error: new StoreError('unreachable', 'no Redis'),
      code: 'ERR_STORE_UNAVAILABLE',
      exit: 125,
      guard: isStoreError,
    },
    {
      error: new StoreError('busy', 'lock held'),
      code: 'ERR_STORE_UNAVAILABLE',
      exit: 125,
      guard: isStoreError,
    },
    {
      error: new StoreError('corrupt', 'not JSON'),
      code: 'ERR_STORE_CORRUPT',
      exit: 125,
      guard: isStoreError,
    },
    {
      error: new StoreError('unsafe', 'mode 0777'),
      code: 'ERR_STORE_UNSAFE',
      exit: 125,
      guard: isStoreError,
    },
    {
      error: new BodyWriteError(Object.assign(new Error('no space'), { code: 'ENOSPC' })),
      code: 'ERR_BODY_WRITE',
      exit: 23,
      guard: isBodyWriteError,
    },
    {
      error: new OutputWriteError('--stdout final: no temporary file'),
      code: 'ERR_OUTPUT_WRITE',
      exit: 23,
      guard: isOutputWriteError,
    },
    {
      error: new SimulationLimitError('fixed', 10),
      code: 'ERR_SIMULATION_LIMIT',
      exit: 125,
      guard: isSimulationLimitError,
    },
  ];

  it.each(cases)('$error.name has $code and exits $exit', ({ error, code, exit, guard }) => {
    expect(error).toBeInstanceOf(RetryRunError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(exit);
    expect(isRetryRunError(error)).toBe(true);
    expect(guard(error)).toBe(true);
  });

  it('guards tell the kinds apart, and say no to other errors', () => {
    for (const { error, guard } of cases) {
      const kind = error.constructor as new (...args: never[]) => Error;
      for (const other of cases.filter((c) => !(c.error instanceof kind))) {
        expect(guard(other.error)).toBe(false);
      }
      expect(guard(new Error('plain'))).toBe(false);
      expect(guard(undefined)).toBe(false);
    }
    expect(isRetryRunError(new Error('plain'))).toBe(false);
    expect(isRetryRunError({ code: 'ERR_USAGE', exitCode: 125 })).toBe(false);
  });

  it('a regex too costly is still a usage error', () => {
    expect(isUsageError(new RegexTooCostlyError('x'))).toBe(true);
  });

  it('keeps the store failure kind and the system code of a failed write', () => {
    expect(new StoreError('unreachable', 'x').kind).toBe('unreachable');
    const cause = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    const error = new BodyWriteError(cause, '/tmp/out');
    expect(error.systemCode).toBe('ENOSPC');
    expect(error.message).toBe('cannot write the body to /tmp/out: no space left');
    expect(error.cause).toBe(cause);
  });

  it('takes every exit code from the one table', () => {
    for (const [code, name] of Object.entries(ERROR_EXIT)) {
      expect(new RetryRunError('x', code as keyof typeof ERROR_EXIT).exitCode).toBe(
        EXIT_CODES[name],
      );
    }
    expect(EXIT_CODES).toMatchObject({
      USAGE: 125,
      CIRCUIT_OPEN: 75,
      WRITE: 23,
      TIMEOUT: 124,
      INTERNAL: 70,
    });
  });
});
