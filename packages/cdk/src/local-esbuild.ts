import { AssetHashType } from 'aws-cdk-lib';
import { Code, Runtime, type AssetCode } from 'aws-cdk-lib/aws-lambda';
import type { ILocalBundling } from 'aws-cdk-lib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FunctionBuild } from './function-build.js';

const BUNDLE_MAIN = fileURLToPath(
  new URL('./bundle-function.main.js', import.meta.url),
);

/**
 * Runs `bundleFunction` in a child process: CDK's local bundling is synchronous, esbuild's plugins
 * need its asynchronous API. Its `build` is a field on purpose: CDK caches a bundle under the JSON
 * of the bundling options, so two functions must not serialize alike (with only a method, every
 * function of a stack got the first one's bundle).
 */
export class LocalEsbuild implements ILocalBundling {
  constructor(
    readonly name: string,
    readonly build: Omit<FunctionBuild, 'outdir'>,
  ) {}

  tryBundle(outdir: string): boolean {
    const run = spawnSync(
      process.execPath,
      [BUNDLE_MAIN, JSON.stringify({ ...this.build, outdir })],
      { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] },
    );
    if (run.status !== 0) {
      throw new Error(
        `bundling the function ${this.name} failed: ${(run.stderr || run.error?.message || '').trim()}`,
      );
    }
    return true;
  }
}

/**
 * A function's asset: `index.mjs` and its map, bundled at synth time, hashed by its output as
 * `NodejsFunction` hashes its bundles. Docker is never used: the image is only the fallback CDK
 * asks for.
 */
export function functionCode(
  name: string,
  build: Omit<FunctionBuild, 'outdir'>,
): AssetCode {
  return Code.fromAsset(build.projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: Runtime.NODEJS_LATEST.bundlingImage,
      local: new LocalEsbuild(name, build),
    },
  });
}
