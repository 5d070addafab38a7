import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ARGS } from '../../scripts/sample-args.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from '../support/cli.js';

// Everything a user can get wrong: one line naming the problem and the fix, exit code 2, nothing written.
describe('create-nest-lambda: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a name with spaces',
      ['Orders Service'],
      /"Orders Service" is not a valid npm package name .*e\.g\. "orders-service"/,
    ],
    [
      'an upper-case name',
      ['OrdersService'],
      /"OrdersService" is not a valid npm package name .*e\.g\. "orders-service"/,
    ],
    [
      'a path-traversal name',
      ['../evil'],
      /"\.\.\/evil" contains a relative path segment; pass a plain name/,
    ],
    [
      'an absolute path as the name',
      ['/tmp/evil'],
      /"\/tmp\/evil" is an absolute path, not a name; .*--directory/,
    ],
    [
      'an unknown trigger',
      ['svc', '--triggers', 'http-api,ftp'],
      /unknown trigger "ftp"; use one or more of: http-api, rest-api/,
    ],
    [
      'an empty trigger list',
      ['svc', '--triggers', ','],
      /no trigger given; pass --triggers/,
    ],
    [
      'a function name left empty after its trigger',
      ['svc', '--triggers', 'sqs:'],
      /"sqs:" is not a trigger with a function name; write <trigger>:<name>, e\.g\. "sqs:payments"\./,
    ],
    [
      'two functions of one name',
      ['svc', '--minimal', '--triggers', 'sqs:jobs,sns:jobs'],
      /function "jobs" is asked for twice \(sqs and sns\); give one of them another name, e\.g\. --triggers sns:jobs-2\./,
    ],
    [
      'a function name that is not kebab-case',
      ['svc', '--triggers', 'sqs:Pay_Ments!'],
      /function "Pay_Ments!" is not a valid name; use letters, digits and dashes/,
    ],
    [
      'an unknown runtime',
      ['svc', '--runtime', 'nodejs18.x'],
      /unknown runtime "nodejs18\.x"; use one of: nodejs24\.x, nodejs22\.x\./,
    ],
    [
      'an unknown package manager',
      ['svc', '--package-manager', 'bun'],
      /unknown package manager "bun"; use one of: npm, pnpm, yarn/,
    ],
    [
      'an unknown flag',
      ['svc', '--frobnicate'],
      /unknown option '--frobnicate'; run create-nest-lambda --help/,
    ],
    [
      'a mistyped flag, with the suggestion on the same line',
      ['svc', '--dry-ru'],
      /unknown option '--dry-ru'; did you mean --dry-run\? Run create-nest-lambda --help for usage\./,
    ],
    [
      'no name and no terminal to ask',
      [],
      /no service name given and no terminal to ask; pass it as the first argument/,
    ],
  ];

  it.each(cases)('refuses %s', async (_what, args, message) => {
    const cwd = tempDir('bad');
    const result = await runCli([...args, '--skip-install', '--skip-git'], cwd);

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Error: /);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a target directory that is not empty, and leaves it as it was', async () => {
    const cwd = tempDir('busy');
    mkdirSync(join(cwd, 'svc'));
    writeFileSync(join(cwd, 'svc/notes.txt'), 'mine');

    const result = await runCli(['svc', '--skip-install', '--skip-git'], cwd);

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'Error: directory "svc" is not empty; pass --force to replace it, or choose another --directory.',
    );
    expect(readdirSync(join(cwd, 'svc'))).toEqual(['notes.txt']);
  });
});

describe('create-nest-lambda: scaffolding', () => {
  it('prints every file it creates, as nest does, and the next steps', async () => {
    const cwd = tempDir('ok');
    const result = await runCli(['svc', '--skip-install', '--skip-git'], cwd);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^CREATE svc\/package\.json \(\d+ bytes\)$/m);
    expect(result.stdout).toMatch(
      /^CREATE svc\/src\/functions\/order-events\.function\.ts \(\d+ bytes\)$/m,
    );
    expect(result.stdout).toContain('cd svc\n  npm install');
    const pkg = JSON.parse(
      readFileSync(join(cwd, 'svc/package.json'), 'utf8'),
    ) as {
      name: string;
      devDependencies: Record<string, string>;
    };
    expect(pkg.name).toBe('svc');
    // By version, even from a checkout: nothing in a service names the machine it was made on.
    expect(pkg.devDependencies['create-nest-lambda']).toMatch(
      /^\^\d+\.\d+\.\d+$/,
    );
  });

  it('runs the functions on nodejs24.x unless --runtime says nodejs22.x', async () => {
    const cwd = tempDir('runtime');
    const config = (dir: string) =>
      readFileSync(join(cwd, dir, 'infra/service.config.ts'), 'utf8');

    const latest = await runCli(
      ['latest', '--yes', '--skip-install', '--skip-git'],
      cwd,
    );
    const older = await runCli(
      ['older', '--runtime', 'nodejs22.x', '--skip-install', '--skip-git'],
      cwd,
    );

    expect([latest.code, older.code]).toEqual([0, 0]);
    expect(config('latest')).toContain(
      'export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;',
    );
    expect(config('older')).toContain(
      'export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;',
    );
  });

  it('--dry-run prints the same CREATE list as a real run and writes nothing', async () => {
    const dry = tempDir('dry');
    const real = tempDir('real');
    const args = ['svc', '--triggers', 'sqs', '--skip-install', '--skip-git'];

    const dryRun = await runCli([...args, '--dry-run'], dry);
    const realRun = await runCli(args, real);

    const creates = (out: string) =>
      out.split('\n').filter((line) => line.startsWith('CREATE '));
    expect(dryRun.code).toBe(0);
    expect(creates(dryRun.stdout).length).toBeGreaterThan(10);
    expect(creates(dryRun.stdout)).toEqual(creates(realRun.stdout));
    expect(dryRun.stdout).toContain('Dry run: nothing was written.');
    expect(readdirSync(dry)).toEqual([]);
  });

  it('--minimal scaffolds only the functions asked for, as skeletons named after their triggers or as given', async () => {
    const cwd = tempDir('minimal');
    const result = await runCli(
      [
        'svc',
        '--minimal',
        '--triggers',
        'schedule,sqs:payments,http-api',
        '--skip-install',
        '--skip-git',
      ],
      cwd,
    );

    expect(result.code).toBe(0);
    const created = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('CREATE svc/src/'))
      .map((line) => line.replace(/^CREATE svc\/src\/| \(\d+ bytes\)$/g, ''));
    expect(created.filter((path) => path.startsWith('functions/'))).toEqual([
      'functions/http-api.cors.ts',
      'functions/http-api.function.ts',
      'functions/payments.function.ts',
      'functions/schedule.function.ts',
    ]);
    // No trace of the sample domain.
    expect(
      created.filter((path) => /order|health|correlation/.test(path)),
    ).toEqual([]);
    expect(
      readFileSync(join(cwd, 'svc/src/app.module.ts'), 'utf8'),
    ).not.toContain('Correlation');
    expect(result.stdout).toContain('npm run invoke -- http-api');
  });

  it('--directory puts the service where it is told', async () => {
    const cwd = tempDir('dir');
    const result = await runCli(
      ['svc', '--directory', 'nested/place', '--skip-install', '--skip-git'],
      cwd,
    );

    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'nested/place/nest-cli.json'))).toBe(true);
    expect(result.stdout).toMatch(/^CREATE nested\/place\/nest-cli\.json/m);
  });

  it('--force replaces the contents of a non-empty directory but keeps its .git', async () => {
    const cwd = tempDir('force');
    mkdirSync(join(cwd, 'svc/.git'), { recursive: true });
    writeFileSync(join(cwd, 'svc/.git/HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(cwd, 'svc/stale.txt'), 'old');

    const result = await runCli(
      ['svc', '--force', '--skip-install', '--skip-git'],
      cwd,
    );

    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'svc/stale.txt'))).toBe(false);
    expect(readFileSync(join(cwd, 'svc/.git/HEAD'), 'utf8')).toBe(
      'ref: refs/heads/main\n',
    );
    expect(existsSync(join(cwd, 'svc/src/app.module.ts'))).toBe(true);
  });

  it('answers --help and --version with exit code 0', async () => {
    const cwd = tempDir('help');
    const help = await runCli(['--help'], cwd);
    const version = await runCli(['--version'], cwd);

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /--triggers <list> +comma-separated functions to start with, each[\s\S]*: http-api,\s+rest-api,[\s\S]*\(default: http-api,sqs\)/,
    );
    expect(help.stdout).toMatch(/--minimal +no sample domain/);
    expect(help.stdout).toMatch(
      /--runtime <runtime> +Lambda runtime \(default: nodejs24\.x\) \(choices:\s+"nodejs24\.x", "nodejs22\.x"\)/,
    );
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('create-nest-lambda: when the tools fail', () => {
  it('says git is missing and goes on', async () => {
    // A PATH with node alone: npm is not needed with --skip-install, and git cannot be found.
    const bin = tempDir('bin');
    symlinkSync(process.execPath, join(bin, 'node'));
    const cwd = tempDir('nogit');

    const result = await runCli(['svc', '--skip-install'], cwd, { PATH: bin });

    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe(
      'Warning: git was not found; skipped creating a repository. Install git and run `git init`.',
    );
    expect(existsSync(join(cwd, 'svc/package.json'))).toBe(true);
    expect(existsSync(join(cwd, 'svc/.git'))).toBe(false);
  });

  it('refuses a package manager that is not installed, before writing anything', async () => {
    const bin = tempDir('bin-nopnpm');
    symlinkSync(process.execPath, join(bin, 'node'));
    const cwd = tempDir('nopnpm');

    const result = await runCli(
      ['svc', '--package-manager', 'pnpm', '--skip-git'],
      cwd,
      { PATH: bin },
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Error: pnpm is not installed; get it with `corepack enable pnpm` or `npm install --global pnpm`, or pass --package-manager npm or --skip-install.\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it(
    'keeps the project when the install fails, and says how to retry',
    { timeout: 120_000 },
    async () => {
      const cwd = tempDir('noinstall');
      // Offline with an empty cache: npm fails at once, and nothing is asked of any registry.
      const env = {
        npm_config_offline: 'true',
        npm_config_cache: tempDir('empty-cache'),
      };

      const result = await runCli(['svc', '--skip-git'], cwd, env);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'Error: installing dependencies with npm failed; the project is kept. Retry with: cd svc && npm install',
      );
      expect(existsSync(join(cwd, 'svc/src/app.module.ts'))).toBe(true);
    },
  );
});

// The CLI hands raw options to the application schematic, which validates them once.
describe('create-nest-lambda: validation', () => {
  it('leaves validation to the schematic: bin/ imports nothing of its normalize-options', () => {
    const sources = readdirSync(join(REPO_ROOT, 'bin'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(REPO_ROOT, 'bin', file), 'utf8'));

    expect(sources.join('\n')).not.toContain('normalize-options');
  });

  it('npm run sample can run again: it replaces the sample it made before', async () => {
    const args = [...SAMPLE_ARGS];
    const cwd = tempDir('sample');

    const first = await runCli([...args, '--skip-install'], cwd);
    writeFileSync(join(cwd, 'sample/orders-service/stale.ts'), 'old');
    const again = await runCli([...args, '--skip-install'], cwd);

    expect(first.code).toBe(0);
    expect(again.code).toBe(0);
    expect(existsSync(join(cwd, 'sample/orders-service/stale.ts'))).toBe(false);
    expect(
      existsSync(join(cwd, 'sample/orders-service/src/app.module.ts')),
    ).toBe(true);
  });

  it('names the whole --directory path when it is not empty', async () => {
    const cwd = tempDir('busy-sub');
    mkdirSync(join(cwd, 'sub/thing'), { recursive: true });
    writeFileSync(join(cwd, 'sub/thing/keep.txt'), 'mine');

    const result = await runCli(
      ['svc', '--directory', 'sub/thing', '--skip-install', '--skip-git'],
      cwd,
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Error: directory "sub/thing" is not empty; pass --force to replace it, or choose another --directory.\n',
    );
    expect(readdirSync(join(cwd, 'sub/thing'))).toEqual(['keep.txt']);
  });
});
