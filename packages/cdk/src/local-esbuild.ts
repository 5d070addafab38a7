import { AssetHashType } from 'aws-cdk-lib';
import { Code, Runtime, type AssetCode } from 'aws-cdk-lib/aws-lambda';
import type { ILocalBundling } from 'aws-cdk-lib';
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionBuild } from './function-build.js';

const BUNDLE_MAIN = fileURLToPath(
  new URL('./bundle-function.main.js', import.meta.url),
);

/** How long one function's bundling may take by default: minutes for what takes seconds. */
export const DEFAULT_BUNDLING_TIMEOUT_SECONDS = 300;

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
    readonly timeoutSeconds: number = DEFAULT_BUNDLING_TIMEOUT_SECONDS,
  ) {}

  tryBundle(outdir: string): boolean {
    const run = spawnSync(
      process.execPath,
      [BUNDLE_MAIN, JSON.stringify({ ...this.build, outdir })],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'inherit', 'pipe'],
        // spawnSync blocks `cdk synth`: a child that never ends (an entry on a stalled network
        // drive, a plugin waiting forever) would hang it with no word.
        timeout: this.timeoutSeconds * 1000,
        killSignal: 'SIGKILL',
      },
    );
    const entry = relative(process.cwd(), this.build.entry);
    if (
      (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
    ) {
      throw new Error(
        `bundling the function ${this.name} (${entry}) took more than ${this.timeoutSeconds} s and was stopped; ` +
          'check that the entry and its imports are readable local files, or raise bundlingTimeout in its NestFunction props.',
      );
    }
    if (run.status !== 0) {
      throw new Error(
        `bundling the function ${this.name} failed: ${(run.stderr || run.error?.message || '').trim()}`,
      );
    }
    // esbuild logs its warnings to the child's stderr, which a successful build would otherwise
    // drop; each line names the entry, as the output of several functions interleaves in synth.
    const warnings = run.stderr.trim();
    if (warnings) {
      process.stderr.write(
        `${warnings
          .split('\n')
          .map((line) => `${entry}: ${line}`)
          .join('\n')}\n`,
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
  timeoutSeconds?: number,
): AssetCode {
  return Code.fromAsset(build.projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: Runtime.NODEJS_LATEST.bundlingImage,
      local: new LocalEsbuild(name, build, timeoutSeconds),
    },
  });
}
