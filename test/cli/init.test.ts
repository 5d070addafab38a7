import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nestNewApp, runCli, tempDir } from '../support/cli.js';

let template: string;

// A real `nest new` app (Nest 12, the CLI this repository pins), made once and copied per test;
// on a busy machine that takes longer than the default hook timeout.
beforeAll(async () => {
  template = (await nestNewApp(tempDir('init-base'))).dir;
}, 60_000);

function app(): string {
  const dir = join(tempDir('init'), 'app');
  cpSync(template, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [file, readFileSync(file, 'utf8')]),
  );
}

describe('create-nest-lambda init', () => {
  it('adds Lambda support to a nest new app and prints every change', async () => {
    const cwd = app();
    const result = await runCli(['init', '--skip-install'], cwd);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Adding Lambda support...');
    expect(lines).toContain(
      `UPDATE package.json (${readFileSync(join(cwd, 'package.json')).byteLength} bytes)`,
    );
    for (const line of [
      /^CREATE src\/functions\/api\.function\.ts \(\d+ bytes\)$/m,
      /^CREATE src\/functions\/api\.function\.ts \(\d+ bytes\)$/m,
      /^CREATE infra\/service\.stack\.ts \(\d+ bytes\)$/m,
      /^UPDATE nest-cli\.json \(\d+ bytes\)$/m,
      /^UPDATE vitest\.config\.ts \(\d+ bytes\)$/m,
    ])
      expect(result.stdout).toMatch(line);
    expect(result.stdout).toContain('  npm install\n');
    expect(
      JSON.parse(readFileSync(join(cwd, 'nest-cli.json'), 'utf8')),
    ).toMatchObject({ collection: 'create-nest-lambda' });
    expect(
      readFileSync(join(cwd, 'infra/service.config.ts'), 'utf8'),
    ).toContain('export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;');
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // By version, never by the path of this checkout: a clone of the app must install.
    expect(pkg.devDependencies['create-nest-lambda']).toMatch(
      /^\^\d+\.\d+\.\d+$/,
    );
  });

  it('--dry-run prints the same list and writes nothing', async () => {
    const dry = app();
    const real = app();
    const before = snapshot(dry);

    const dryRun = await runCli(['init', '--dry-run'], dry);
    const realRun = await runCli(['init', '--skip-install'], real);

    const changes = (out: string) =>
      out.split('\n').filter((line) => /^(CREATE|UPDATE) /.test(line));
    expect(dryRun.code).toBe(0);
    expect(changes(dryRun.stdout)).toEqual(changes(realRun.stdout));
    expect(dryRun.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(dry)).toEqual(before);
  });

  it('refuses a second run with one line and exit code 2, and writes nothing', async () => {
    const cwd = app();
    expect((await runCli(['init', '--skip-install'], cwd)).code).toBe(0);
    const before = snapshot(cwd);

    const again = await runCli(['init', '--skip-install'], cwd);

    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'Error: this app has Lambda support already (cdk.json exists); to update the runtime run npm update @create-nest-lambda/runtime.\n',
    );
    expect(snapshot(cwd)).toEqual(before);
  });

  it('refuses a folder that is not a Nest app', async () => {
    const cwd = tempDir('init-empty');
    const result = await runCli(['init'], cwd);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Error: no package.json here; run init in the root folder of a Nest application (one made by nest new).\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--runtime nodejs22.x runs the functions on nodejs22.x', async () => {
    const cwd = app();
    const result = await runCli(
      ['init', '--runtime', 'nodejs22.x', '--skip-install'],
      cwd,
    );

    expect(result.code).toBe(0);
    expect(
      readFileSync(join(cwd, 'infra/service.config.ts'), 'utf8'),
    ).toContain('export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;');
  });

  it('refuses an unknown runtime before it starts', async () => {
    const cwd = app();
    const result = await runCli(['init', '--runtime', 'nodejs18.x'], cwd);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^Error: unknown runtime "nodejs18\.x"; use one of: nodejs24\.x, nodejs22\.x\.\n$/,
    );
  });
});
