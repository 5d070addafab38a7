import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DevProcess,
  freePort,
  groupMembers,
  portTaken,
  startDevProcess,
} from './support/dev-process.js';
import { GeneratedService, registryEnv } from './support/generated-service.js';

// The local loop of issue 12 in an installed service: `npm run start:dev` and `nest start --watch`,
// driven with real requests, edits, a broken build and Ctrl-C.

// What a user adds: a controller that reads repeated query keys and cookies, and sets cookies.
// `version` is what the edits change.
const preferencesController = (
  version: number,
  extra = '',
) => `import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { LambdaHttpResponse } from '@create-nest-lambda/runtime';

@Controller('preferences')
export class PreferencesController {
  @Get()
  read(
    @Query('tag') tag: string | string[] | undefined,
    @Req() request: { headers: Record<string, string | string[] | undefined> },
  ): { version: number; tags: string[]; cookie: string | null } {
    ${extra}
    return {
      version: ${version},
      tags: tag === undefined ? [] : [tag].flat(),
      cookie: typeof request.headers['cookie'] === 'string' ? request.headers['cookie'] : null,
    };
  }

  @Post('theme')
  setTheme(
    @Body() body: { theme: string },
    @Res({ passthrough: true }) response: LambdaHttpResponse,
  ): { theme: string } {
    response.cookie('theme', body.theme, { path: '/', httpOnly: true });
    response.cookie('seen', '1');
    return { theme: body.theme };
  }
}
`;

const LISTENING = /dev server listening on (http:\/\/127\.0\.0\.1:\d+)/;
const SECONDS = 1000;

describe('the local dev loop of a service with an HTTP API, a REST API and an SQS function', () => {
  let service: GeneratedService;
  const controllerFile = () =>
    join(service.dir, 'src/orders/preferences.controller.ts');
  const writeController = (version: number, extra = '') =>
    writeFileSync(controllerFile(), preferencesController(version, extra));

  beforeAll(async () => {
    service = await GeneratedService.create('dev-service', [
      '--triggers',
      'http-api,rest-api,sqs',
    ]);
    writeController(1);
    const module = join(service.dir, 'src/orders/orders.module.ts');
    const source = readFileSync(module, 'utf8');
    const registered = source.replace(
      'controllers: [OrdersController]',
      'controllers: [OrdersController, PreferencesController]',
    );
    // The generated module changed shape: say so here rather than as 404s later.
    expect(registered, 'OrdersModule registers OrdersController').not.toBe(
      source,
    );
    writeFileSync(
      module,
      `import { PreferencesController } from './preferences.controller.js';\n${registered}`,
    );
    // cdk.out gives the dev server each function's environment and the REST API's stage.
    await service.script('synth');
  });

  afterAll(() => service?.printTimings('Timings of the dev loop e2e:'));

  const request = (base: string, path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
  const postJson = (base: string, path: string, body: unknown) =>
    request(base, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const invokeQueue = async (base: string) => {
    const response = await postJson(
      base,
      '/_functions/order-events/invoke',
      // The short form: message bodies, wrapped by the server into a real SQS event.
      {
        records: [
          {
            messageId: 'good-1',
            body: { orderId: 'o-1', customerId: 'c-1', total: 5 },
          },
          { messageId: 'bad-1', body: { orderId: '', total: -1 } },
        ],
      },
    );
    return { status: response.status, body: await response.json() };
  };
  const version = async (base: string) =>
    (
      (await (await request(base, '/preferences')).json()) as {
        version: number;
      }
    ).version;

  // Ctrl-C: SIGINT to the whole group, then nothing of it may be left, and the port is free.
  const interruptAndCheck = async (dev: DevProcess, port: number) => {
    dev.signalGroup('SIGINT');
    await dev.exited(30 * SECONDS);
    // npm and the Nest CLI exit once their child has; give the rest of the group a moment.
    const deadline = Date.now() + 5 * SECONDS;
    while (groupMembers(dev.child.pid!).length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(groupMembers(dev.child.pid!)).toEqual([]);
    expect(await portTaken(port)).toBe(false);
  };

  describe('npm run start:dev', () => {
    let dev: DevProcess;
    let port: number;
    let base: string;

    beforeAll(async () => {
      port = await freePort();
      dev = startDevProcess(
        'npm',
        ['run', 'start:dev', '--', '--port', String(port)],
        { cwd: service.dir, env: registryEnv() },
      );
      base = (await dev.waitFor(LISTENING, 120 * SECONDS))[1]!;
    }, 150 * SECONDS);

    afterAll(() => {
      dev?.signalGroup('SIGKILL');
      if (dev) console.log(`npm run start:dev printed:\n${dev.output()}`);
    });

    it('listens on the port it was given and lists every function', () => {
      expect(base).toBe(`http://127.0.0.1:${port}`);
      expect(dev.output()).toContain(`api (http-api): ${base}/…`);
      expect(dev.output()).toContain(`partner-api (rest-api): ${base}/prod/…`);
      expect(dev.output()).toContain(
        `order-events (sqs): POST ${base}/_functions/order-events/invoke`,
      );
    });

    it('answers GET and POST with JSON through the HTTP API and the REST API', async () => {
      const order = await request(base, '/orders/ord-1');
      expect(order.status).toBe(200);
      expect(await order.json()).toMatchObject({
        id: 'ord-1',
        customerId: 'cust-1',
      });

      const placed = await postJson(base, '/orders', {
        customerId: 'cust-9',
        lines: [{ sku: 'A1', quantity: 2 }],
      });
      expect(placed.status).toBe(201);
      expect(placed.headers.get('content-type')).toMatch(/application\/json/);
      expect(await placed.json()).toMatchObject({
        customerId: 'cust-9',
        status: 'placed',
      });

      const partner = await request(base, '/prod/partner-api/1');
      expect(partner.status).toBe(200);
      expect(await partner.json()).toEqual({
        id: '1',
        name: 'First partner-api item',
      });
      const created = await postJson(base, '/prod/partner-api', {
        name: 'Acme',
      });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ name: 'Acme' });
    });

    it('passes repeated query keys and cookies in, and Set-Cookie out', async () => {
      const read = await request(base, '/preferences?tag=a&tag=b', {
        headers: { cookie: 'a=1; b=2' },
      });
      expect(await read.json()).toEqual({
        version: 1,
        tags: ['a', 'b'],
        cookie: 'a=1; b=2',
      });

      const set = await postJson(base, '/preferences/theme', {
        theme: 'dark',
      });
      expect(set.status).toBe(201);
      expect(set.headers.getSetCookie()).toEqual([
        'theme=dark; Path=/; HttpOnly',
        'seen=1; Path=/',
      ]);
    });

    it('answers 404 for a route no controller has, and 400 for a body that fails validation', async () => {
      for (const path of ['/nowhere', '/prod/nowhere']) {
        const missing = await request(base, path);
        expect(missing.status, path).toBe(404);
        expect(await missing.json(), path).toMatchObject({
          message: `Cannot GET ${path.replace('/prod', '')}`,
        });
      }
      const invalid = await postJson(base, '/orders', {
        customerId: '',
        lines: [],
      });
      expect(invalid.status).toBe(400);
      expect(
        ((await invalid.json()) as { message: string[] }).message,
      ).toContain('customerId should not be empty');
    });

    it('invokes the SQS function with a short form and reports the bad record', async () => {
      expect(await invokeQueue(base)).toEqual({
        status: 200,
        body: { batchItemFailures: [{ itemIdentifier: 'bad-1' }] },
      });
    });

    it('prints one line per request: method, path, function, status, duration', async () => {
      // The line comes once the response has gone, so it may still be on its way.
      for (const line of [
        /GET \/orders\/ord-1 → api 200 \d+ ms/,
        /GET \/prod\/partner-api\/1 → partner-api 200 \d+ ms/,
        /GET \/prod\/nowhere → partner-api 404 \d+ ms/,
        /POST \/_functions\/order-events\/invoke → order-events 200 \d+ ms/,
      ])
        await dev.waitFor(line, 10 * SECONDS);
    });

    it('serves an edited controller on the next request after the compile', async () => {
      const from = dev.output().length;
      writeController(2);
      await dev.waitFor(
        /compiled in \d+ ms; serving the new build/,
        60 * SECONDS,
        from,
      );
      expect(await version(base)).toBe(2);
    });

    it('keeps serving the last good build while the build is broken, and says why', async () => {
      let from = dev.output().length;
      writeController(3, "const broken: number = 'not a number';");
      const failed = await dev.waitFor(
        /compile failed \(1 error: (.*)\); still serving the last good build/,
        60 * SECONDS,
        from,
      );
      expect(failed[1]).toMatch(
        /src\/orders\/preferences\.controller\.ts\(\d+,\d+\): error TS2322/,
      );
      expect(await version(base)).toBe(2);
      expect(await invokeQueue(base)).toMatchObject({ status: 200 });

      from = dev.output().length;
      writeController(4);
      await dev.waitFor(
        /compiled in \d+ ms; the errors are fixed, serving the new build/,
        60 * SECONDS,
        from,
      );
      expect(await version(base)).toBe(4);
    });

    it('stops on Ctrl-C with no process left and the port free', async () => {
      await interruptAndCheck(dev, port);
      expect(dev.output()).not.toMatch(/Error/);
    });
  });

  describe('npx nest start --watch', () => {
    let dev: DevProcess;
    let port: number;
    let base: string;

    beforeAll(async () => {
      writeController(5);
      port = await freePort();
      // What follows `--` reaches the server: pretty logs, though stdout is no terminal here.
      dev = startDevProcess(
        'npx',
        ['nest', 'start', '--watch', '--', '--logs', 'pretty'],
        { cwd: service.dir, env: { ...registryEnv(), PORT: String(port) } },
      );
      base = (await dev.waitFor(LISTENING, 150 * SECONDS))[1]!;
    }, 180 * SECONDS);

    afterAll(() => {
      dev?.signalGroup('SIGKILL');
      if (dev) console.log(`nest start --watch printed:\n${dev.output()}`);
    });

    it('serves HTTP requests and invocations on the PORT it was given', async () => {
      expect(base).toBe(`http://127.0.0.1:${port}`);
      expect(await version(base)).toBe(5);
      expect((await request(base, '/prod/partner-api/1')).status).toBe(200);
      expect(await invokeQueue(base)).toEqual({
        status: 200,
        body: { batchItemFailures: [{ itemIdentifier: 'bad-1' }] },
      });
    });

    it("shows the function's JSON logs readably with --logs pretty", async () => {
      await dev.waitFor(
        /^order-events INFO {2}\[OrderEventsHandler\] Order o-1 placed by c-1 for 5 \(correlation [\w-]+\)$/m,
        10 * SECONDS,
      );
      await dev.waitFor(
        /^order-events ERROR \[LambdaBatch\] Record bad-1 of sqs request [\w-]+ failed: BadRequestException: orderId should not be empty/m,
        10 * SECONDS,
      );
      expect(dev.output()).not.toContain('"level":"INFO"');
    });

    it('serves an edited controller once Nest has rebuilt and restarted it', async () => {
      const from = dev.output().length;
      writeController(6);
      await dev.waitFor(LISTENING, 90 * SECONDS, from);
      expect(await version(base)).toBe(6);
    });

    it('stops on Ctrl-C with no process left and the port free', async () => {
      await interruptAndCheck(dev, port);
    });
  });
});
