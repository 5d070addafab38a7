import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltFunction } from '../bundle/built-function.js';
import { KIT_SCENARIOS } from '../scenarios.js';
import { mustRun } from '../support/exec.js';

const CDK_OUT = 'cdk.out.bench';

export interface ServiceBuild {
  readonly functions: BuiltFunction[];
  readonly nestBuildMs: number;
  readonly synthMs: number;
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, string>;
}

/**
 * Builds the kit's functions as `npm run synth` does: `nest build` (tsc, decorator metadata),
 * then `cdk synth` of a CDK app holding one NestFunction per function, which bundles each with
 * esbuild. Each bundle is then copied alone into `bundlesDir/<scenario id>/`.
 */
export async function buildService(
  serviceDir: string,
  bundlesDir: string,
  target: string,
): Promise<ServiceBuild> {
  const nestBuild = await mustRun('npx', ['nest', 'build'], {
    cwd: serviceDir,
  });
  rmSync(join(serviceDir, CDK_OUT), { recursive: true, force: true });
  const functions = Object.fromEntries(
    KIT_SCENARIOS.map((s) => [s.className, s.functionName]),
  );
  const synth = await mustRun(
    'npx',
    [
      'cdk',
      'synth',
      '--app',
      'npx tsx infra/bench.main.ts',
      '--output',
      CDK_OUT,
      '--quiet',
      '--no-notices',
    ],
    {
      cwd: serviceDir,
      env: {
        BENCH_FUNCTIONS: JSON.stringify(functions),
        CDK_DISABLE_CLI_TELEMETRY: 'true',
      },
    },
  );

  const assets = functionAssets(join(serviceDir, CDK_OUT));
  const manifest = JSON.parse(
    readFileSync(join(serviceDir, 'package.json'), 'utf8'),
  ) as {
    dependencies?: Record<string, string>;
  };
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const built = KIT_SCENARIOS.map((scenario): BuiltFunction => {
    const asset = assets.get(scenario.className);
    if (!asset)
      throw new Error(`cdk synth wrote no bundle for ${scenario.className}`);
    const outdir = join(bundlesDir, scenario.id);
    cpSync(join(serviceDir, CDK_OUT, asset), outdir, { recursive: true });
    const source = {
      entry: join(
        serviceDir,
        'dist',
        'functions',
        `${scenario.functionName}.function.js`,
      ),
      projectRoot: serviceDir,
      dependencies,
      target,
      construct: true,
      // bench.main.ts turns no feature on.
      featuresOff: ['metrics', 'tracing', 'idempotency'] as const,
    };
    return { scenario, bundle: join(outdir, 'index.mjs'), source };
  });
  return { functions: built, nestBuildMs: nestBuild.ms, synthMs: synth.ms };
}

/** className → asset folder, for resources at `BenchStack/<className>/Function/Resource`. */
function functionAssets(cdkOut: string): Map<string, string> {
  const assets = new Map<string, string>();
  for (const file of readdirSync(cdkOut).filter((f) =>
    f.endsWith('.template.json'),
  )) {
    const template = JSON.parse(readFileSync(join(cdkOut, file), 'utf8')) as {
      Resources: Record<string, TemplateResource>;
    };
    for (const resource of Object.values(template.Resources)) {
      const path = resource.Metadata?.['aws:cdk:path'];
      const asset = resource.Metadata?.['aws:asset:path'];
      const match = path?.match(/^BenchStack\/([^/]+)\/Function\/Resource$/);
      if (resource.Type === 'AWS::Lambda::Function' && match && asset) {
        assets.set(match[1]!, asset);
      }
    }
  }
  return assets;
}
