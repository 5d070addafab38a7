import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { LEGACY } from './support/migrate-runner.js';

let parent: string;
let project: string;

/** Every file of a folder with its content, to prove a refused run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) visit(full);
      else files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  visit(dir);
  return files;
}

beforeAll(async () => {
  parent = tempDir('migrate-cli');
  const scaffold = await runCli(
    ['svc', '--yes', '--skip-install', '--skip-git', '--triggers', 'invoke'],
    parent,
  );
  expect(scaffold.code, scaffold.stderr).toBe(0);
  project = join(parent, 'svc');
}, 120_000);

describe('create-nest-lambda migrate', () => {
  it('--dry-run lists what it would write, says what it inferred, and writes nothing', async () => {
    const before = snapshot(project);
    const result = await runCli(
      ['migrate', 'handlers/typed.handler', '--project', project, '--dry-run'],
      LEGACY,
    );

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'trigger of typed: inferred sqs because its event type is SQSEvent; pass --type to choose another',
    );
    expect(result.stdout).toMatch(
      /^CREATE .*svc\/src\/legacy\/typed\/typed\.ts \(\d+ bytes\)$/m,
    );
    expect(result.stdout).toMatch(
      /^UPDATE .*svc\/infra\/service\.stack\.ts \(\d+ bytes\)$/m,
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      'Dry run: nothing was written.',
    );
    expect(snapshot(project)).toEqual(before);
  });

  it.each([
    [['handlers/callback.js#nope'], 'callback.js has no export "nope"'],
    [
      ['handlers/not-a-function.js#handler'],
      'not-a-function.js exports "handler", but it is not a function',
    ],
    [
      ['handlers/missing.js#handler'],
      'handler file handlers/missing.js not found',
    ],
    [
      ['sam-app/template.yaml', '--type', 'sqs'],
      '--type applies to a handler file',
    ],
  ])(
    'refuses %j with one line and exit code 2, changing nothing',
    async (args, message) => {
      const before = snapshot(project);
      const result = await runCli(
        ['migrate', ...args, '--project', project],
        LEGACY,
      );

      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`Error: ${message}`);
      expect(snapshot(project)).toEqual(before);
    },
  );

  it('refuses a folder that is not a service', async () => {
    const result = await runCli(
      ['migrate', 'handlers/callback.js#handler'],
      LEGACY,
    );

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'Error: . is not a create-nest-lambda service (no infra/service.stack.ts); run migrate in the service, or pass --project <dir>.',
    );
  });

  it('reads and plans a template once, and warns about what it leaves behind', async () => {
    const result = await runCli(
      [
        'migrate',
        'serverless-app/serverless.yml',
        '--project',
        project,
        '--dry-run',
      ],
      LEGACY,
      {
        NODE_OPTIONS: `--import=${join(import.meta.dirname, 'support/count-reads.mjs')}`,
        COUNT_READS: 'serverless-app/serverless.yml',
      },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^Warning: \d+ items are not migrated; MIGRATION.md says what and where to look\.$/m,
    );
    expect(result.stderr.trim().split('\n').at(-1)).toBe('reads: 1');
  });

  it('migrates, then refuses the same function again, with exit code 2', async () => {
    const first = await runCli(
      ['migrate', 'handlers/callback.js#handler', '--project', project],
      LEGACY,
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      'Migrated 1 function from handlers/callback.js#handler.',
    );
    expect(
      readFileSync(join(project, 'src/legacy/callback/callback.js'), 'utf8'),
    ).toBe(readFileSync(join(LEGACY, 'handlers/callback.js'), 'utf8'));

    const before = snapshot(project);
    const again = await runCli(
      ['migrate', 'handlers/callback.js#handler', '--project', project],
      LEGACY,
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'the service already has a function "callback"',
    );
    expect(snapshot(project)).toEqual(before);
  });
});
