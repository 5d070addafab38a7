import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldFunctions } from '../../schematics/application/scaffold-functions.js';
import { TRIGGERS } from '../../schematics/utils/triggers.js';
import { invokeBundle, synthesizedFunctions } from './support/bundles.js';
import { GeneratedService } from './support/generated-service.js';

// The function each trigger starts with: the scaffold's own sample names.
const FUNCTIONS = Object.fromEntries(
  scaffoldFunctions(
    TRIGGERS.map((trigger) => ({ trigger })),
    false,
  ).map((fn) => [fn.trigger, fn.name]),
);

const BATCH = new Set(['payment-events', 'order-changes', 'clickstream']);
const HTTP = new Set(['api', 'partner-api', 'webhooks', 'storefront']);

describe('create-nest-lambda with every trigger it scaffolds', () => {
  let service: GeneratedService;

  beforeAll(async () => {
    service = await GeneratedService.create('all-triggers', [
      '--triggers',
      TRIGGERS.join(','),
      '--skip-git',
    ]);
  });

  afterAll(() =>
    service?.printTimings(
      `Timings of the ${TRIGGERS.length}-trigger scaffold:`,
    ),
  );

  it('builds, type-checks, lints, is formatted and passes its own tests', async () => {
    await service.script('build');
    await service.script('typecheck');
    await service.script('lint');
    await service.script('format:check');
    await service.script('test');
  });

  it('synthesizes one bundle per trigger, and each answers its own sample event', async () => {
    await service.script('synth');
    const functions = synthesizedFunctions(service.dir);
    expect(functions.map((fn) => fn.name).sort()).toEqual(
      Object.values(FUNCTIONS).sort(),
    );

    for (const fn of functions) {
      const result = await invokeBundle(
        fn,
        join(service.dir, 'test/events', `${fn.name}.json`),
      );
      if (HTTP.has(fn.name)) {
        expect(result, fn.name).toMatchObject({
          statusCode: expect.any(Number) as number,
        });
        const status = (result as { statusCode: number }).statusCode;
        expect(
          status >= 200 && status < 300,
          `${fn.name} answered ${status}`,
        ).toBe(true);
      } else if (BATCH.has(fn.name)) {
        expect(result, fn.name).toEqual({ batchItemFailures: [] });
      } else if (fn.name === 'order-events') {
        // The SQS sample batch holds one invalid message on purpose.
        expect(result, fn.name).toMatchObject({
          batchItemFailures: [expect.anything()],
        });
      }
      // SNS, S3, EventBridge, schedule and invoke resolve (or the invoker throws): errors reach Lambda.
    }
  });
});
