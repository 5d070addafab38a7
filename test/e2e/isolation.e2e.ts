import type { APIGatewayProxyStructuredResultV2, SQSEvent } from 'aws-lambda';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { mustRun } from '../../bench/support/exec.js';
import {
  invokeBundle,
  invokeBundleWithLogs,
  type SynthesizedFunction,
  synthesizedFunctions,
} from './support/bundles.js';
import { GeneratedService } from './support/generated-service.js';

// A legacy handler of our own for `migrate`: its marker string is code only its function may hold.
const LEGACY_MARKER = 'legacy-quote-7f3a';
const LEGACY_HANDLER = `export const handler = async (event) => ({
  quote: '${LEGACY_MARKER}',
  for: event.who ?? 'nobody',
});
`;

// Folders every function's graph shares (CoreModule and what it imports).
const SHARED = ['src/core/', 'src/correlation/'];

/**
 * The source files a function's entry reaches through relative imports, its own code: the module
 * graph it boots, as written. Shared folders are left out.
 */
function ownFiles(serviceDir: string, name: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || SHARED.some((dir) => file.startsWith(dir))) return;
    seen.add(file);
    const source = readFileSync(join(serviceDir, file), 'utf8');
    for (const [, specifier] of source.matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(
        serviceDir,
        join(serviceDir, dirname(file), specifier!),
      );
      const typescript = target.replace(/\.js$/, '.ts');
      visit(existsSync(join(serviceDir, typescript)) ? typescript : target);
    }
  };
  visit(`src/functions/${name}.function.ts`);
  return [...seen].filter((file) => !file.startsWith('src/functions/'));
}

/** The classes those files declare: esbuild's keepNames keeps each name as a string literal. */
function ownClasses(serviceDir: string, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    [
      ...readFileSync(join(serviceDir, file), 'utf8').matchAll(
        /export class (\w+)/g,
      ),
    ].map((match) => match[1]!),
  );
}

describe('one module graph per function', () => {
  let service: GeneratedService;
  let functions: SynthesizedFunction[];
  const nest = async (...args: string[]) => {
    const result = await mustRun('npx', ['nest', ...args], {
      cwd: service.dir,
    });
    return { ...result, stdout: stripVTControlCharacters(result.stdout) };
  };

  beforeAll(async () => {
    // The default scaffold: an HTTP API function (api) and an SQS function (order-events).
    service = await GeneratedService.create('isolated', ['--skip-git']);
    const added = await nest(
      'g',
      'lambda-handler',
      'refunds',
      '--type',
      'http-api',
    );
    service.timings.push({
      step: 'nest g lambda-handler (http-api)',
      seconds: added.ms / 1000,
    });
    const legacy = tempDir('isolation-legacy');
    writeFileSync(join(legacy, 'quote.mjs'), LEGACY_HANDLER);
    const migrated = await runCli(
      ['migrate', 'quote.mjs#handler', '--project', service.dir],
      legacy,
    );
    expect(migrated.code, `${migrated.stdout}\n${migrated.stderr}`).toBe(0);
    await service.script('synth');
    functions = synthesizedFunctions(service.dir);
  });

  afterAll(() => service?.printTimings('Timings of the isolation service:'));

  it('synthesizes a bundle per function, each from an entry that boots its own module', () => {
    expect(functions.map((fn) => fn.name).sort()).toEqual([
      'api',
      'order-events',
      'quote',
      'refunds',
    ]);
    for (const fn of functions) {
      const entry = readFileSync(
        join(service.dir, `src/functions/${fn.name}.function.ts`),
        'utf8',
      );
      expect(entry, fn.name).not.toContain('AppModule');
    }
  });

  it("each bundle holds its own function's classes and none of another function's", () => {
    const own = new Map(
      functions.map((fn) => {
        const files = ownFiles(service.dir, fn.name);
        const classes = ownClasses(service.dir, files);
        // A graph of at least a module and its handler or controller, or the check proves nothing.
        expect(
          classes.length,
          `${fn.name}: ${files.join(', ')}`,
        ).toBeGreaterThanOrEqual(2);
        const markers = classes.map((name) => `"${name}"`);
        return [
          fn.name,
          fn.name === 'quote' ? [...markers, LEGACY_MARKER] : markers,
        ];
      }),
    );
    // The controllers of the api function's graph, as the issue names them.
    expect(own.get('api')).toEqual(
      expect.arrayContaining(['"OrdersController"', '"HealthController"']),
    );
    for (const fn of functions) {
      const bundle = readFileSync(fn.bundle, 'utf8');
      for (const marker of own.get(fn.name)!) {
        expect(bundle, `${fn.name} holds ${marker}`).toContain(marker);
      }
      for (const [other, markers] of own) {
        if (other === fn.name) continue;
        const foreign = markers.filter((marker) => bundle.includes(marker));
        expect(foreign, `${fn.name} holds code of ${other}`).toEqual([]);
      }
      // Event functions boot through createEventHandler: none of the HTTP stack in their bundles.
      const http = fn.name === 'api' || fn.name === 'refunds';
      expect(bundle.includes('"LambdaHttpAdapter"'), fn.name).toBe(http);
      // No check for "AppModule" itself: Nest's core names its wrapper of a metadata root module so.
      // What every function shares is in every bundle.
      expect(bundle, fn.name).toContain('"CoreModule"');
    }
  });

  it('every bundle boots its own module, not AppModule, and answers a real event', async () => {
    const event = (name: string) =>
      join(service.dir, 'test/events', `${name}.json`);
    const answers = new Map<string, unknown>();
    for (const fn of functions) {
      // At DEBUG, Nest's startup lines name each module it initializes.
      const { result, logs } = await invokeBundleWithLogs(fn, event(fn.name), {
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      });
      const entry = readFileSync(
        join(service.dir, `src/functions/${fn.name}.function.ts`),
        'utf8',
      );
      const root = /create(?:Event)?Handler\((\w+),/.exec(entry)?.[1];
      expect(root, fn.name).toBeDefined();
      expect(logs, fn.name).toContain(`"${root} dependencies initialized"`);
      expect(logs, fn.name).not.toContain(
        '"AppModule dependencies initialized"',
      );
      answers.set(fn.name, result);
    }

    const http = (name: string) => {
      const { statusCode, body } = answers.get(
        name,
      ) as APIGatewayProxyStructuredResultV2;
      return { statusCode, body: JSON.parse(body ?? 'null') as unknown };
    };
    expect(http('api')).toEqual({ statusCode: 200, body: { status: 'ok' } });
    expect(http('refunds')).toEqual({
      statusCode: 200,
      body: { id: '1', name: 'First refunds item' },
    });
    // The sample batch holds one invalid message, which the ValidationPipe of CoreModule refuses.
    const batch = JSON.parse(
      readFileSync(event('order-events'), 'utf8'),
    ) as SQSEvent;
    expect(answers.get('order-events')).toEqual({
      batchItemFailures: [{ itemIdentifier: batch.Records[1]!.messageId }],
    });
    const legacy = (await import(
      pathToFileURL(join(service.dir, 'src/legacy/quote/quote.mjs')).href
    )) as { handler: (event: unknown) => Promise<unknown> };
    expect(answers.get('quote')).toEqual(
      await legacy.handler(JSON.parse(readFileSync(event('quote'), 'utf8'))),
    );

    // The api function serves its own graph's controllers only: the refunds request finds no route.
    const api = functions.find((fn) => fn.name === 'api')!;
    const elsewhere = (await invokeBundle(
      api,
      event('refunds'),
    )) as APIGatewayProxyStructuredResultV2;
    expect(elsewhere.statusCode).toBe(404);
  });
});
