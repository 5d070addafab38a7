import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FunctionBuild, PowertoolsFeature } from '../src/index.js';
import {
  bundleAndImport,
  fixtureFolder,
  REPO_ROOT,
  writeEntry,
} from './bundle-fixture.js';

const work = fixtureFolder('powertools-features-');
// The runtime's own code that import()s Powertools' Metrics when the function has a namespace.
const METRICS_HOOK = join(
  REPO_ROOT,
  'packages',
  'runtime',
  'dist',
  'observability',
  'metrics.hook.js',
);

interface Entry {
  createMetrics(env: Record<string, string>): Promise<object | undefined>;
  userMetrics?: () => string;
}

async function bundle(
  id: string,
  featuresOff: PowertoolsFeature[],
  userImport: boolean,
) {
  const entry = writeEntry(work, id, [
    `export { createMetrics } from ${JSON.stringify(METRICS_HOOK)};`,
    ...(userImport
      ? [
          "import { Metrics } from '@aws-lambda-powertools/metrics';",
          "export const userMetrics = () => new Metrics({ namespace: 'Own' }).constructor.name;",
        ]
      : []),
  ]);
  const fn: FunctionBuild = {
    entry,
    outdir: join(work, id),
    target: 'node24',
    projectRoot: REPO_ROOT,
    external: [],
    featuresOff,
  };
  return bundleAndImport<Entry>(fn);
}

describe('powertoolsOff', () => {
  it("leaves the package of a feature that is off out, and the runtime's import() of it fails naming the option", async () => {
    const on = await bundle('metrics-on', [], false);
    const off = await bundle('metrics-off', ['metrics'], false);
    expect(on.bytes - off.bytes).toBeGreaterThan(10_000);
    await expect(off.module.createMetrics({})).resolves.toBeUndefined();
    await expect(
      off.module.createMetrics({ POWERTOOLS_METRICS_NAMESPACE: 'Orders' }),
    ).rejects.toThrow(
      "@aws-lambda-powertools/metrics is not in this function's bundle: its NestFunction has metrics off (metrics: { namespace } turns it on)",
    );
    const metrics = await on.module.createMetrics({
      POWERTOOLS_METRICS_NAMESPACE: 'Orders',
    });
    expect(metrics?.constructor.name).toBe('Metrics');
  }, 60_000);

  it("keeps the service's own static import of the package working", async () => {
    const fn = await bundle('user-import', ['metrics'], true);
    expect(fn.module.userMetrics?.()).toBe('Metrics');
  }, 60_000);
});
