import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../bench/support/exec.js';
import { REPO_ROOT } from '../support/cli.js';
import { collectionRunner } from '../support/schematics.js';

// What a generated service prints when run locally: its vitest config and `npm run invoke`, run
// from a scaffold on disk whose node_modules is this repository's (nothing is installed).
let project: string;

beforeAll(async () => {
  const tree = await collectionRunner().runSchematic('application', {
    name: 'orders-service',
    triggers: 'schedule',
  });
  project = mkdtempSync(join(tmpdir(), 'cnl-local-'));
  for (const path of tree.files) {
    const file = join(project, path.replace(/^\/orders-service\//, ''));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, tree.readContent(path));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'));
}, 60_000);

describe('a generated service run locally', () => {
  it('names the service in its tests as on AWS, and keeps the functions quiet unless asked', async () => {
    const previous = process.env.POWERTOOLS_LOG_LEVEL;
    delete process.env.POWERTOOLS_LOG_LEVEL;
    const config = (await import(
      pathToFileURL(join(project, 'vitest.config.ts')).href
    )) as { default: { test: { env: Record<string, string> } } };
    if (previous !== undefined) process.env.POWERTOOLS_LOG_LEVEL = previous;

    expect(config.default.test.env).toEqual({
      POWERTOOLS_SERVICE_NAME: 'orders-service',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
  });

  it('npm run invoke: sets the service name, and says so when a function returns nothing', async () => {
    // A stand-in for the tsc output of the schedule function, which returns nothing.
    const entry = join(project, 'dist/functions/nightly-report.function.js');
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(
      entry,
      'export const handler = async () => { console.log(`service: ${process.env.POWERTOOLS_SERVICE_NAME}`); };\n',
    );

    const result = await runCommand(
      process.execPath,
      ['--import', 'tsx', 'scripts/invoke.ts', 'nightly-report'],
      { cwd: project, env: { POWERTOOLS_SERVICE_NAME: undefined } },
    );

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'service: orders-service\nnightly-report returned nothing: it ran without error.\n',
    );
    expect(readFileSync(join(project, 'package.json'), 'utf8')).toContain(
      '"name": "orders-service"',
    );
  });
});
