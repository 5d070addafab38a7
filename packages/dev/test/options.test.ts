import { describe, expect, it } from 'vitest';
import { readOptions } from '../src/options.js';

describe('readOptions', () => {
  it('takes --port over PORT over 3000, and pretty logs on a terminal only', () => {
    expect(readOptions(['--port', '4000'], { PORT: '5000' }, true)).toEqual({
      port: 4000,
      logs: 'pretty',
    });
    expect(readOptions([], { PORT: '5000' }, false)).toEqual({
      port: 5000,
      logs: 'json',
    });
    expect(readOptions(['--logs', 'pretty'], {}, false)).toEqual({
      port: 3000,
      logs: 'pretty',
    });
  });

  it.each([
    [
      ['--port', 'abc'],
      {},
      'port "abc" (--port) is not a port number; use 0 to 65535, e.g. --port 3001.',
    ],
    [
      [],
      { PORT: '70000' },
      'port "70000" (PORT) is not a port number; use 0 to 65535, e.g. --port 3001.',
    ],
    [
      ['--logs', 'fancy'],
      {},
      '--logs "fancy" is not a log format; use --logs pretty or --logs json.',
    ],
    [
      ['--prot', '1'],
      {},
      /^Unknown option '--prot'.*; the options are --port <n> and --logs pretty\|json\.$/,
    ],
  ])('refuses %j %j in one line that names the fix', (argv, env, message) => {
    expect(() => readOptions(argv, env, false)).toThrow(message);
  });
});
