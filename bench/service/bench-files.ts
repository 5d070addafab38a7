import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from '../paths.js';

/** Shared with the baselines, compiled here too: copied as they are into `src/bench/`. */
const SHARED_DIR = join(REPO_ROOT, 'bench', 'scenario');

/**
 * Sources that only make sense inside the generated service (they import its AppModule and
 * modules), stored as `.ts.txt` so this repository does not compile them; the service's own
 * `nest build` type-checks them. Their paths below `files/` are their paths in the service.
 */
const KIT_FILES_DIR = join(REPO_ROOT, 'bench', 'service', 'files');

/** Writes the bench's handlers, modules, entries and CDK app into the generated service. */
export function writeBenchFiles(serviceDir: string): string[] {
  const written: string[] = [];
  rmSync(join(serviceDir, 'src', 'bench'), { recursive: true, force: true });
  for (const file of readdirSync(SHARED_DIR).filter((f) => f.endsWith('.ts'))) {
    written.push(
      copy(join(SHARED_DIR, file), join(serviceDir, 'src', 'bench', file)),
    );
  }
  for (const file of listFiles(KIT_FILES_DIR).filter((f) =>
    f.endsWith('.ts.txt'),
  )) {
    const target = join(
      serviceDir,
      relative(KIT_FILES_DIR, file).replace(/\.txt$/, ''),
    );
    written.push(copy(file, target));
  }
  return written.map((file) => relative(serviceDir, file));
}

function copy(from: string, to: string): string {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return to;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
