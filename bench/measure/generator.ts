import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CLI, WORK_DIR } from '../paths.js';
import type { GeneratorFigures } from '../report/figures.js';
import { SCAFFOLD_ARGS } from '../service/generate-service.js';
import { runCommand } from '../support/exec.js';
import { sample } from '../support/sample.js';

/** Folders of the service that `nest g` never writes to and that are large. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'cdk.out',
  'cdk.out.bench',
  '.git',
]);

/**
 * The generator's own speed: `create-nest-lambda … --skip-install` into a fresh folder, and one
 * `nest g lambda-handler x --type sqs` in the installed service, whose files are then put back
 * as they were so the service stays the bench's.
 */
export async function measureGenerator(
  serviceDir: string,
  scaffoldRuns: number,
): Promise<GeneratorFigures> {
  const notes: string[] = [];
  const scaffold: number[] = [];
  const probe = join(WORK_DIR, 'scaffold-probe');
  for (let run = 0; run < scaffoldRuns; run++) {
    rmSync(probe, { recursive: true, force: true });
    const result = await runCommand(
      process.execPath,
      [CLI, ...SCAFFOLD_ARGS, '--directory', probe],
      { cwd: WORK_DIR },
    );
    if (result.code !== 0) {
      notes.push(
        `scaffold failed (exit ${result.code}): ${firstLine(result.stderr)}`,
      );
      break;
    }
    scaffold.push(result.ms);
  }
  rmSync(probe, { recursive: true, force: true });

  const before = snapshot(serviceDir);
  const generate = await runCommand(
    'npx',
    ['nest', 'g', 'lambda-handler', 'x', '--type', 'sqs'],
    { cwd: serviceDir },
  );
  restore(serviceDir, before);
  if (generate.code !== 0) {
    notes.push(
      `nest g lambda-handler: n/a (exit ${generate.code}: ${firstLine(generate.stderr || generate.stdout)})`,
    );
  }
  return {
    ...(scaffold.length > 0 ? { scaffoldMs: sample(scaffold) } : {}),
    ...(generate.code === 0 ? { lambdaHandlerMs: sample([generate.ms]) } : {}),
    notes,
  };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  );
}

function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(path);
      else if (entry.isFile())
        files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Deletes what appeared since the snapshot and rewrites what changed. */
function restore(dir: string, before: Map<string, Buffer>): void {
  const after = snapshot(dir);
  for (const [file, content] of after) {
    const old = before.get(file);
    if (!old) rmSync(join(dir, file));
    else if (!old.equals(content)) writeFileSync(join(dir, file), old);
  }
  for (const [file, content] of before) {
    if (!after.has(file)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
  }
  removeEmptyFolders(dir);
}

function removeEmptyFolders(folder: string): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (
      entry.isDirectory() &&
      !SKIPPED.has(entry.name) &&
      removeEmptyFolders(path)
    ) {
      rmSync(path, { recursive: true });
    } else {
      empty = false;
    }
  }
  return empty;
}
