import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trigger } from '../../schematics/utils/triggers.js';
import { tempDir } from '../support/cli.js';
import { mustRun } from '../../bench/support/exec.js';
import { invokeBundle, synthesizedFunctions } from './support/bundles.js';
import { GeneratedService } from './support/generated-service.js';

// The functions this test grows the service by, through the real Nest CLI: `nest g` as installed
// by the service itself, reading this package's collection from nest-cli.json.
const GROWN: [Trigger, string][] = [
  ['sqs', 'payments'],
  ['s3', 'uploads'],
  ['eventbridge', 'shipments'],
  ['schedule', 'nightly-cleanup'],
  ['dynamodb-stream', 'order-changes'],
  ['kinesis', 'clickstream'],
  ['sns', 'notifications'],
  ['http-api', 'billing-api'],
];
const BATCH = new Set(['payments', 'order-changes', 'clickstream']);

// What a user would write: a controller that reads the request-scoped TenantId.
const TENANT_CONTROLLER = `import { Controller, Get } from '@nestjs/common';
import { TenantId } from './tenant-id.provider.js';

@Controller('tenant')
export class TenantController {
  constructor(private readonly tenantId: TenantId) {}

  @Get()
  find(): { tenant: string | null } {
    return { tenant: this.tenantId.value ?? null };
  }
}
`;

describe('growing a service with nest g', () => {
  let service: GeneratedService;
  // The schematics CLI that `nest g` runs colours its CREATE lines even without a terminal.
  const nest = async (...args: string[]) => {
    const result = await mustRun('npx', ['nest', ...args], {
      cwd: service.dir,
    });
    return { ...result, stdout: stripVTControlCharacters(result.stdout) };
  };
  const git = (...args: string[]) => mustRun('git', args, { cwd: service.dir });

  beforeAll(async () => {
    service = await GeneratedService.create('grow-service', [
      '--triggers',
      'http-api,sqs',
    ]);
  });

  afterAll(() => service?.printTimings('Timings of growing a service:'));

  it('adds a function of each trigger, a request provider and a standard service', async () => {
    for (const [trigger, name] of GROWN) {
      const schematic = trigger === 'kinesis' ? 'lh' : 'lambda-handler';
      const result = await nest('g', schematic, name, '--type', trigger);
      service.timings.push({
        step: `nest g lambda-handler (${trigger})`,
        seconds: result.ms / 1000,
      });
      expect(result.stdout, name).toMatch(
        new RegExp(`CREATE src/functions/${name}\\.function\\.ts`),
      );
      expect(result.stdout, name).toMatch(/UPDATE infra\/service\.stack\.ts/);
    }
    expect((await nest('g', 'request-provider', 'tenant')).stdout).toMatch(
      /CREATE src\/tenant\/tenant-id\.provider\.ts/,
    );
    expect((await nest('g', 'service', 'billing')).stdout).toMatch(
      /CREATE src\/billing\/billing\.service\.ts/,
    );
    // Nest's own controller schematic registers the controller in TenantModule, the nearest module.
    const controller = await nest('g', 'controller', 'tenant', '--no-spec');
    expect(controller.stdout).toMatch(/UPDATE src\/tenant\/tenant\.module\.ts/);
    writeFileSync(
      join(service.dir, 'src/tenant/tenant.controller.ts'),
      TENANT_CONTROLLER,
    );
  });

  it('refuses to generate a function twice and leaves the service as it was', async () => {
    await git('add', '--all');
    await git('commit', '--quiet', '--message', 'grown');

    const again = await nest('g', 'lambda-handler', 'payments', '--type', 's3');

    expect(`${again.stdout}${again.stderr}`).toContain(
      'function "payments" already exists',
    );
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('builds, type-checks, passes its tests, lints and is formatted', async () => {
    await service.script('build');
    await service.script('typecheck');
    await service.script('test');
    await service.script('lint');
    await service.script('format:check');
  });

  it('synthesizes, and every new bundle answers its own sample event', async () => {
    await service.script('synth');
    const functions = synthesizedFunctions(service.dir);
    expect(functions.map((fn) => fn.name).sort()).toEqual(
      ['api', 'order-events', ...GROWN.map(([, name]) => name)].sort(),
    );

    const event = (name: string) =>
      join(service.dir, 'test/events', `${name}.json`);
    for (const fn of functions.filter((f) =>
      GROWN.some(([, name]) => name === f.name),
    )) {
      const result = await invokeBundle(fn, event(fn.name));
      if (fn.name === 'billing-api') {
        expect(result, fn.name).toMatchObject({ statusCode: 200 });
      } else if (BATCH.has(fn.name)) {
        expect(result, fn.name).toEqual({ batchItemFailures: [] });
      }
      // The other triggers resolve or the invoker exits non-zero: errors reach Lambda.
    }
  });

  it('gives each request its own TenantId, read from its x-tenant-id header', async () => {
    const api = synthesizedFunctions(service.dir).find(
      (fn) => fn.name === 'api',
    );
    const sample = JSON.parse(
      readFileSync(join(service.dir, 'test/events/api.json'), 'utf8'),
    ) as {
      headers: Record<string, string>;
      requestContext: { http: Record<string, string> };
    };
    const eventFile = join(tempDir('tenant-event'), 'event.json');
    const request = (tenant: string) =>
      writeFileSync(
        eventFile,
        JSON.stringify({
          ...sample,
          rawPath: '/tenant',
          headers: { ...sample.headers, 'x-tenant-id': tenant },
          requestContext: {
            ...sample.requestContext,
            http: {
              ...sample.requestContext.http,
              method: 'GET',
              path: '/tenant',
            },
          },
        }),
      );

    for (const tenant of ['acme', 'globex']) {
      request(tenant);
      const result = (await invokeBundle(api!, eventFile)) as {
        statusCode: number;
        body: string;
      };
      expect(result.statusCode).toBe(200);
      expect(JSON.parse(result.body)).toEqual({ tenant });
    }
  });
});
