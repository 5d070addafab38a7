// Run by NestFunction in a child process during `cdk synth`: CDK's local bundling is synchronous,
// esbuild's plugins need its asynchronous API. Argument: the FunctionBuild as JSON.
import { bundleFunction } from './bundle-function.js';
import type { FunctionBuild } from './function-build.js';

try {
  await bundleFunction(JSON.parse(process.argv[2] ?? '') as FunctionBuild);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
