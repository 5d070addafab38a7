import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { LEGACY } from '../migrate/support/migrate-runner.js';
import { runLikeLambda } from '../migrate/support/run-like-lambda.js';
import { rssAfterImport, synthesizedFunctions } from './support/bundles.js';
import { GeneratedService } from './support/generated-service.js';

/** What each run migrates, from test/fixtures/legacy, and the flags it adds. */
const RUNS: string[][] = [
  ['handlers/callback.js#handler'],
  ['handlers/callback.js#twice'],
  ['handlers/callback.js#failing'],
  ['handlers/context.js#succeed'],
  ['handlers/mixed.cjs#promiseAndCallback'],
  ['handlers/async.mjs#handler', '--name', 'async-esm'],
  ['handlers/typed.handler'],
  ['handlers/reads-fields.js#handler'],
  ['handlers/no-answer.js#handler'],
  ['clock/stamp.handler'],
  ['serverless-app/serverless.yml'],
  ['serverless-v4/serverless.yml'],
  ['sam-app/template.yaml'],
];

/** The legacy handler behind each migrated function, to run it as Lambda would. */
const LEGACY_HANDLERS: Record<string, [string, string]> = {
  callback: ['handlers/callback.js', 'handler'],
  twice: ['handlers/callback.js', 'twice'],
  failing: ['handlers/callback.js', 'failing'],
  succeed: ['handlers/context.js', 'succeed'],
  'promise-and-callback': ['handlers/mixed.cjs', 'promiseAndCallback'],
  'async-esm': ['handlers/async.mjs', 'handler'],
  typed: ['handlers/typed.ts', 'handler'],
  'reads-fields': ['handlers/reads-fields.js', 'handler'],
  'no-answer': ['handlers/no-answer.js', 'handler'],
  'create-order': ['serverless-app/src/orders.js', 'create'],
  'list-orders': ['serverless-app/src/orders.js', 'list'],
  'process-queue': ['serverless-app/src/queue.ts', 'consume'],
  'on-upload': ['serverless-app/src/uploads.js', 'handler'],
  nightly: ['serverless-app/src/nightly.mjs', 'handler'],
  'on-order-event': ['serverless-app/src/events.js', 'handler'],
  'on-table-change': ['serverless-app/src/stream.js', 'handler'],
  notify: ['serverless-app/src/notify.js', 'handler'],
  hello: ['serverless-v4/src/hello.ts', 'handler'],
  'items-api-function': ['sam-app/src/api.mjs', 'handler'],
  'worker-function': ['sam-app/src/worker.js', 'handler'],
  'upload-function': ['sam-app/src/upload.js', 'handler'],
  'alerts-function': ['sam-app/src/alerts.js', 'handler'],
  'daily-function': ['sam-app/src/daily.js', 'handler'],
  'rule-function': ['sam-app/src/rule.js', 'handler'],
  'changes-function': ['sam-app/src/changes.js', 'handler'],
  'clicks-function': ['sam-app/src/clicks.js', 'handler'],
};

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, string>;
}

describe('create-nest-lambda migrate', () => {
  let service: GeneratedService;
  let resources: Resource[];

  beforeAll(async () => {
    service = await GeneratedService.create('migrated', [
      '--triggers',
      'invoke',
      '--skip-git',
    ]);
    for (const run of RUNS) {
      const result = await runCli(
        ['migrate', ...run, '--project', service.dir],
        LEGACY,
      );
      expect(
        result.code,
        `migrate ${run.join(' ')}\n${result.stdout}\n${result.stderr}`,
      ).toBe(0);
    }
  });

  afterAll(() => service?.printTimings('Timings of the migrated service:'));

  it('builds, type-checks, lints, is formatted and passes its own tests, the equivalence specs included', async () => {
    await service.script('build');
    await service.script('typecheck');
    await service.script('lint');
    await service.script('format:check');
    const test = await service.script('test');
    expect(test.stdout).toContain(
      'test/functions/process-queue.legacy.spec.ts',
    );
    expect(test.stdout).toContain('test/functions/stamp.legacy.spec.ts');
  });

  it('synthesizes a bundle per function, and each answers exactly as its legacy handler does', async () => {
    await service.script('synth');
    // stamp reads the clock: only its equivalence spec (frozen clock, seeded draws) compares it.
    const functions = synthesizedFunctions(service.dir).filter(
      (fn) => fn.name !== 'quote' && fn.name !== 'stamp',
    );
    expect(functions.map((fn) => fn.name).sort()).toEqual(
      Object.keys(LEGACY_HANDLERS).sort(),
    );
    for (const fn of functions) {
      const [file, exportName] = LEGACY_HANDLERS[fn.name] ?? ['', ''];
      const event = JSON.parse(
        readFileSync(
          join(service.dir, 'test/events', `${fn.name}.json`),
          'utf8',
        ),
      ) as unknown;
      const env = {
        ...fn.environment,
        AWS_REGION: 'us-east-1',
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
      };
      // The bundle alone, as Lambda has it: nothing resolves from the project's node_modules.
      const isolated = tempDir(`bundle-${fn.name}`);
      cpSync(join(fn.bundle, '..'), isolated, { recursive: true });
      const migrated = runLikeLambda(
        join(isolated, 'index.mjs'),
        'handler',
        event,
        { env, cwd: isolated },
      );
      const legacy = runLikeLambda(join(LEGACY, file), exportName, event, {
        env,
      });
      expect(migrated, fn.name).toEqual(legacy);
      // Equal failures to load would prove nothing: only `failing` fails, on purpose.
      expect(legacy.ok, `${fn.name}: ${JSON.stringify(legacy)}`).toBe(
        fn.name !== 'failing',
      );
    }
    const template = JSON.parse(
      readFileSync(
        join(service.dir, 'cdk.out', 'Migrated-dev.template.json'),
        'utf8',
      ),
    ) as {
      Resources: Record<string, Resource>;
    };
    resources = Object.values(template.Resources);
  });

  // Needs the per-function module graph (issue 11): while every entry boots AppModule, which
  // imports every migrated module, each bundle holds every function's legacy code.
  it("bundles each function with its own legacy code and no other function's", () => {
    for (const fn of synthesizedFunctions(service.dir)) {
      const map = JSON.parse(readFileSync(`${fn.bundle}.map`, 'utf8')) as {
        sources: string[];
      };
      const legacy = new Set(
        map.sources.flatMap(
          (source) =>
            /\/(?:dist|src)\/legacy\/([^/]+)\//.exec(source)?.[1] ?? [],
        ),
      );
      const own = fn.name in LEGACY_HANDLERS || fn.name === 'stamp';
      expect([...legacy], fn.name).toEqual(own ? [fn.name] : []);
    }
  });

  // Issue 11: with every function booting AppModule, importing one migrated function's bundle
  // took 340 MB in functions configured with 128 MB.
  it('keeps each bundle under 128 MB of RSS right after import', async () => {
    const rss: Record<string, number> = {};
    for (const fn of synthesizedFunctions(service.dir))
      rss[fn.name] = Math.round(await rssAfterImport(fn));
    const over = Object.entries(rss).filter(([, mb]) => mb >= 128);
    expect(over, JSON.stringify(rss)).toEqual([]);
    console.log(`RSS after import, MB: ${JSON.stringify(rss)}`);
  });

  it('keeps memory, timeout and environment', () => {
    expect(lambda('CreateOrder').Properties).toMatchObject({
      MemorySize: 256,
      Timeout: 10,
      Environment: {
        Variables: { SERVICE: 'orders', STAGE: 'dev', LOG_LEVEL: 'info' },
      },
    });
    expect(lambda('ListOrders').Properties).toMatchObject({
      MemorySize: 512,
      Timeout: 10,
    });
    expect(lambda('WorkerFunction').Properties).toMatchObject({
      MemorySize: 512,
      Timeout: 60,
      Environment: { Variables: { STAGE: { Ref: 'SamAppStage' } } },
    });
    expect(lambda('Hello').Properties).toMatchObject({
      MemorySize: 1024,
      Timeout: 6,
      Environment: { Variables: { GREETING: 'Hello', TABLE: 'greetings-dev' } },
    });
  });

  it('keeps the triggers and their settings', () => {
    const of = (type: string) =>
      resources.filter((r) => r.Type === type).map((r) => r.Properties);
    expect(of('AWS::ApiGatewayV2::Route').map((p) => p.RouteKey)).toEqual(
      expect.arrayContaining([
        'GET /hello/{name}',
        'GET /items/{id}',
        'POST /orders',
      ]),
    );
    expect(of('AWS::ApiGatewayV2::Route')).toHaveLength(3);
    expect(of('AWS::ApiGateway::Method').map((p) => p.HttpMethod)).toEqual(
      expect.arrayContaining(['GET', 'POST']),
    );
    expect(of('AWS::ApiGateway::Method')).toHaveLength(2);
    expect(
      of('AWS::Lambda::EventSourceMapping').map((p) => [
        p.BatchSize,
        p.StartingPosition,
        p.FunctionResponseTypes,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [5, undefined, ['ReportBatchItemFailures']],
        [10, undefined, undefined],
        [50, 'LATEST', undefined],
        [25, 'TRIM_HORIZON', undefined],
        [100, 'LATEST', ['ReportBatchItemFailures']],
      ]),
    );
    expect(
      of('AWS::Events::Rule').map(
        (p) => p.ScheduleExpression ?? p.EventPattern,
      ),
    ).toEqual(
      expect.arrayContaining([
        'rate(1 day)',
        'cron(0 6 * * ? *)',
        { source: ['orders'], 'detail-type': ['OrderPlaced'] },
        { source: ['shipping'], 'detail-type': ['ParcelShipped'] },
      ]),
    );
    expect(of('AWS::SNS::Subscription')).toHaveLength(2);
    expect(JSON.stringify(of('Custom::S3BucketNotifications'))).toContain(
      '"Value":"incoming/"',
    );
  });

  it('keeps the IAM statements', () => {
    const policies = JSON.stringify(
      resources.filter((r) => r.Type === 'AWS::IAM::Policy'),
    );
    for (const action of [
      'dynamodb:PutItem',
      'sqs:SendMessage',
      's3:GetObject',
      's3:PutObject',
      'sqs:ReceiveMessage',
    ]) {
      expect(policies).toContain(`"${action}"`);
    }
    // The statement named the legacy bucket `orders-photos-dev`; it now names the bucket the stack
    // creates, the one that triggers on-upload.
    expect(policies).not.toContain('orders-photos-dev');
    expect(policies).toMatch(
      /\["arn:aws:s3:::",\{"Ref":"ServerlessAppS3BucketOrdersDashphotosDashdev[0-9A-F]{8}"\},"\/\*"\]/,
    );
  });

  function lambda(className: string): Resource {
    const found = resources.find(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Metadata?.['aws:cdk:path'] ===
          `Migrated-dev/${className}/Function/Resource`,
    );
    if (!found) throw new Error(`no function ${className}`);
    return found;
  }
});
