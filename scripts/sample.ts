// `npm run sample`: publishes this checkout's packages to a local registry and scaffolds
// sample/orders-service from it with the built CLI, as `npx create-nest-lambda` would from npm.
// A sample left by an earlier run is replaced (see SAMPLE_ARGS).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalRegistry } from './local-registry/local-registry.js';
import { SAMPLE_ARGS } from './sample-args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const registry = await LocalRegistry.start();
let status = 1;
try {
  registry.publishFamily();
  console.log(`Published this checkout's packages to ${registry.url}.`);
  const cli = spawnSync(
    process.execPath,
    [join(root, 'dist', 'bin', 'create-nest-lambda.js'), ...SAMPLE_ARGS],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...registry.env() } },
  );
  status = cli.status ?? 1;
} finally {
  await registry.stop();
}
process.exitCode = status;
