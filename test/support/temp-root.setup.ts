import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder for a test run: everything the tests and the processes they start create
 * with `os.tmpdir()` (generated services, bundles, registries, npm's own temporary files) lands in
 * it, and it is removed when the run ends, failed or not. Without it every run left gigabytes of
 * generated services behind. `CNL_KEEP_TMP=1` keeps it, and says where, for debugging a failure.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'cnl-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.CNL_KEEP_TMP === '1') {
      console.log(`kept the run's temporary files in ${root}`);
      return;
    }
    rmSync(root, { recursive: true, force: true });
  };
}
