import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, useScaffoldedService } from '../support/cli.js';

/** Every file under `dir` with its content, to prove a refused command wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(
    files.sort().map((file) => [file, readFileSync(file, 'utf8')]),
  );
}

const service = useScaffoldedService('add');

describe('create-nest-lambda add', () => {
  it('adds a function and prints every change as nest g does', async () => {
    const cwd = service();
    const result = await runCli(
      ['add', 'lambda-handler', 'payments', '--type', 'sns'],
      cwd,
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.replace(/ \(\d+ bytes\)$/, ''))
        .sort(),
    ).toEqual([
      'CREATE infra/functions/payments.construct.ts',
      'CREATE src/functions/payments.function.ts',
      'CREATE src/payments/dto/payments.message.ts',
      'CREATE src/payments/payments.handler.spec.ts',
      'CREATE src/payments/payments.handler.ts',
      'CREATE src/payments/payments.module.ts',
      'CREATE test/events/payments.json',
      'CREATE test/functions/payments.function.spec.ts',
      'UPDATE infra/service.stack.ts',
      'UPDATE src/app.module.ts',
    ]);
    expect(readFileSync(join(cwd, 'infra/service.stack.ts'), 'utf8')).toContain(
      "new PaymentsFunction(this, 'Payments');",
    );
  });

  it('refuses a name that exists with one line and exit code 2, and writes nothing', async () => {
    const cwd = service();
    expect((await runCli(['add', 'lh', 'payments'], cwd)).code).toBe(0);
    const before = snapshot(cwd);

    const again = await runCli(['add', 'lh', 'payments', '--type', 's3'], cwd);

    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^Error: function "payments" already exists \(infra\/functions\/payments\.construct\.ts and \d+ more\); choose another name\. Nothing was changed\.\n$/,
    );
    expect(snapshot(cwd)).toEqual(before);
  });

  it('--force replaces the files of a function of the same name, and adds it to the stack once', async () => {
    const cwd = service();
    expect((await runCli(['add', 'lh', 'payments'], cwd)).code).toBe(0);

    const forced = await runCli(
      ['add', 'lh', 'payments', '--type', 's3', '--force'],
      cwd,
    );

    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toMatch(
      /^UPDATE infra\/functions\/payments\.construct\.ts \(\d+ bytes\)$/m,
    );
    expect(
      readFileSync(join(cwd, 'src/functions/payments.function.ts'), 'utf8'),
    ).toContain("trigger: 's3'");
    const stack = readFileSync(join(cwd, 'infra/service.stack.ts'), 'utf8');
    expect(stack.split('new PaymentsFunction(this').length).toBe(2);
  });

  it('prints its help, and no error line, when run without a schematic', async () => {
    const result = await runCli(['add'], tempDir('add-bare'));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: create-nest-lambda add /);
    expect(result.stderr).toMatch(/lambda-handler\|lh \[options\] <name>/);
    expect(result.stderr).not.toContain('Error');
  });

  it('--dry-run prints the same list and writes nothing', async () => {
    const cwd = service();
    const before = snapshot(cwd);

    const dry = await runCli(['add', 'rp', 'tenant', '--dry-run'], cwd);

    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^CREATE src\/tenant\/tenant-id\.provider\.ts \(\d+ bytes\)$/m,
    );
    expect(dry.stdout).toMatch(
      /^UPDATE src\/core\/core\.module\.ts \(\d+ bytes\)$/m,
    );
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(cwd)).toEqual(before);
  });

  it('passes boolean flags, --no-spec and --flat, through to the schematic', async () => {
    const cwd = service();
    const result = await runCli(
      ['add', 'request-provider', 'tenant', '--flat', '--no-spec'],
      cwd,
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^CREATE src\/tenant-id\.provider\.ts /m);
    expect(result.stdout).not.toContain('.spec.ts');
  });

  it.each([
    [
      ['add', 'lh', 'payment events'],
      'Error: function "payment events" contains spaces; use dashes, e.g. "payment-events".',
    ],
    [
      ['add', 'lh', '../x'],
      'Error: function "../x" is not a valid name; use letters, digits and dashes, starting with a letter, e.g. "payment-events".',
    ],
    [
      ['add', 'rp', 'class'],
      'Error: provider "class" is a reserved word; choose another name, e.g. "class-handler".',
    ],
    [
      ['add', 'lh', 'payments', '--type', 'ftp'],
      'Error: unknown trigger "ftp"; pass --type with one of: http-api, rest-api, function-url, alb, sqs, sqs-fifo, sns, s3, eventbridge, schedule, dynamodb-stream, kinesis, invoke.',
    ],
    [
      ['add', 'lh', 'payments', '--frobnicate'],
      "Error: unknown option '--frobnicate'; run create-nest-lambda --help for usage.",
    ],
    [
      ['add', 'controller', 'x'],
      "Error: unknown command 'controller'; run create-nest-lambda --help for usage.",
    ],
    [
      ['add', 'lh'],
      "Error: missing required argument 'name'; run create-nest-lambda --help for usage.",
    ],
  ])('refuses %j with exit code 2 and one line', async (args, message) => {
    const cwd = service();
    const before = snapshot(cwd);
    const result = await runCli(args, cwd);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\n`);
    expect(snapshot(cwd)).toEqual(before);
  });

  it('refuses to run outside a service, naming init', async () => {
    const cwd = tempDir('add-empty');
    const result = await runCli(['add', 'lh', 'payments'], cwd);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Error: infra/service.stack.ts not found; lambda-handler adds functions to a create-nest-lambda service (run create-nest-lambda init in a Nest app first).\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('lambda-runtime: ejects into src/lambda/, updates nothing on a second run, refuses an edited file unless --force, and goes back with --to-package', async () => {
    const cwd = service();
    const ejected = await runCli(['add', 'lambda-runtime'], cwd);
    expect(ejected.code).toBe(0);
    expect(ejected.stderr).toBe('');
    expect(ejected.stdout).toMatch(
      /^Ejected @create-nest-lambda\/runtime \d+\.\d+\.\d+ into src\/lambda\/ \(\d+ files\); it is yours now\.$/m,
    );
    expect(ejected.stdout).toMatch(
      /^CREATE src\/lambda\/index\.ts \(\d+ bytes\)$/m,
    );
    expect(ejected.stdout).toMatch(/^UPDATE package\.json \(\d+ bytes\)$/m);

    const again = await runCli(['add', 'lambda-runtime'], cwd);
    expect(again.stdout).toMatch(
      /^src\/lambda\/ is up to date with @create-nest-lambda\/runtime \d+\.\d+\.\d+\.\n$/,
    );

    appendFileSync(join(cwd, 'src/lambda/errors.ts'), '// ours\n');
    const refused = await runCli(['add', 'lambda-runtime'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'Error: src/lambda/errors.ts changed since they were generated; nothing was updated. Pass --force to replace them (create-nest-lambda add lambda-runtime --force).\n',
    );
    const back = await runCli(['add', 'lambda-runtime', '--to-package'], cwd);
    expect(back.code).toBe(2);
    expect(back.stderr).toMatch(
      /^Error: src\/lambda\/errors\.ts changed since the eject; nothing was changed\./,
    );

    const forced = await runCli(['add', 'lambda-runtime', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      /^UPDATE src\/lambda\/errors\.ts \(\d+ bytes\)$/m,
    );
    expect(
      readFileSync(join(cwd, 'src/lambda/errors.ts'), 'utf8'),
    ).not.toContain('// ours');

    const restored = await runCli(
      ['add', 'lambda-runtime', '--to-package'],
      cwd,
    );
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^DELETE src\/lambda\/index\.ts$/m);
    const left = existsSync(join(cwd, 'src/lambda'))
      ? readdirSync(join(cwd, 'src/lambda'), {
          recursive: true,
          withFileTypes: true,
        }).filter((entry) => entry.isFile())
      : [];
    expect(left).toEqual([]);
  }, 120_000);

  it('lists the schematics and their flags in --help', async () => {
    const cwd = tempDir('add-help');
    const list = await runCli(['add', '--help'], cwd);
    const flags = await runCli(['add', 'lambda-handler', '--help'], cwd);

    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/lambda-handler\|lh \[options\] <name>/);
    expect(list.stdout).toMatch(/request-provider\|rp \[options\] <name>/);
    expect(flags.stdout).toMatch(
      /--type <value>[\s\S]*?\(default: sqs\)\s+--idempotency/,
    );
    // Every option of the schema is a flag, the ones nest g cannot pass included.
    expect(flags.stdout).toContain('--idempotency');
    expect(flags.stdout).toContain('--source-root');
    expect(flags.stdout).toContain('--no-spec');
    expect(flags.stdout).not.toContain('--path');
  });
});
