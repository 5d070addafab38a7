import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings } from '@angular-devkit/core';
import { tempDir } from '../../support/cli.js';
import { mustRun } from '../../../bench/support/exec.js';

export interface SynthesizedFunction {
  /** kebab-case name of the function, e.g. `order-events`. */
  name: string;
  /** The esbuild bundle `cdk synth` wrote, e.g. `cdk.out/asset.1234/index.mjs`. */
  bundle: string;
  environment: Record<string, string>;
}

interface TemplateResource {
  Type: string;
  Properties?: { Environment?: { Variables?: Record<string, unknown> } };
  Metadata?: Record<string, string>;
}

/**
 * Every Nest function of the synthesized stacks: functions whose CDK path is
 * `<Stack>/<ClassName>/Function/Resource` and whose asset is an ESM bundle. CDK's own helper
 * functions (bucket notifications, log retention) have other paths and are left out.
 */
export function synthesizedFunctions(
  projectDir: string,
): SynthesizedFunction[] {
  const cdkOut = join(projectDir, 'cdk.out');
  const found: SynthesizedFunction[] = [];
  for (const file of readdirSync(cdkOut).filter((f) =>
    f.endsWith('.template.json'),
  )) {
    const template = JSON.parse(readFileSync(join(cdkOut, file), 'utf8')) as {
      Resources: Record<string, TemplateResource>;
    };
    for (const resource of Object.values(template.Resources)) {
      const path = resource.Metadata?.['aws:cdk:path'];
      const asset = resource.Metadata?.['aws:asset:path'];
      const match = path?.match(/^[^/]+\/([^/]+)\/Function\/Resource$/);
      if (resource.Type !== 'AWS::Lambda::Function' || !match || !asset)
        continue;
      const bundle = join(cdkOut, asset, 'index.mjs');
      if (!existsSync(bundle)) continue;
      const variables = resource.Properties?.Environment?.Variables ?? {};
      found.push({
        name: strings.dasherize(match[1]),
        bundle,
        environment: Object.fromEntries(
          Object.entries(variables).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        ),
      });
    }
  }
  return found;
}

const INVOKER = join(import.meta.dirname, 'invoke-bundle.mjs');

/**
 * Invokes a bundle as Lambda would: a copy of its asset folder alone (so nothing can be resolved
 * from the project's node_modules), imported by a fresh Node process with the function's
 * environment, called once with the event and a Lambda context.
 */
export async function invokeBundle(
  fn: SynthesizedFunction,
  eventFile: string,
): Promise<unknown> {
  return (await invokeBundleWithLogs(fn, eventFile)).result;
}

/**
 * {@link invokeBundle}, with what the function wrote to stdout (its log lines); `environment` is
 * added to the function's own (e.g. `POWERTOOLS_LOG_LEVEL`).
 */
export async function invokeBundleWithLogs(
  fn: SynthesizedFunction,
  eventFile: string,
  environment: Record<string, string> = {},
): Promise<{ result: unknown; logs: string }> {
  const isolated = isolatedCopy(fn);
  const resultFile = join(isolated, 'result.json');
  const { stdout } = await mustRun(
    process.execPath,
    [INVOKER, join(isolated, 'index.mjs'), eventFile, resultFile],
    { cwd: isolated, env: lambdaEnvironment(fn, environment) },
  );
  return {
    result: JSON.parse(readFileSync(resultFile, 'utf8')) as unknown,
    logs: stdout,
  };
}

const RSS_PROBE = join(import.meta.dirname, 'rss-after-import.mjs');

/**
 * The resident set size, in MB, of a fresh Node process right after it imported the bundle (the
 * init phase: the module graph loaded and the Nest application created), as Lambda would count it
 * against the function's memory.
 */
export async function rssAfterImport(fn: SynthesizedFunction): Promise<number> {
  const isolated = isolatedCopy(fn);
  const { stdout } = await mustRun(
    process.execPath,
    [RSS_PROBE, join(isolated, 'index.mjs')],
    { cwd: isolated, env: lambdaEnvironment(fn) },
  );
  const last = stdout.trimEnd().split('\n').at(-1) ?? '';
  return (JSON.parse(last) as { rssMb: number }).rssMb;
}

/** A copy of the function's asset folder alone, so nothing resolves from the project's node_modules. */
function isolatedCopy(fn: SynthesizedFunction): string {
  const isolated = tempDir(`bundle-${fn.name}`);
  cpSync(join(fn.bundle, '..'), isolated, { recursive: true });
  return isolated;
}

/** The function's environment as its construct declares it, with what Lambda itself sets. */
function lambdaEnvironment(
  fn: SynthesizedFunction,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...fn.environment,
    AWS_LAMBDA_FUNCTION_NAME: fn.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_REGION: 'us-east-1',
    NODE_OPTIONS: fn.environment.NODE_OPTIONS ?? '',
    ...extra,
  };
}
