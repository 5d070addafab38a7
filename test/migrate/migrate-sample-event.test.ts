import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  PlannedFunction,
  PlannedTrigger,
} from '../../schematics/migrate/plan/plan.js';
import {
  sampleEvent,
  triggerOfEvent,
} from '../../schematics/migrate/render/sample-event.js';
import {
  invokeLegacy,
  type LegacyHandler,
} from '../../templates/migrate/support/src/legacy/invoke-legacy.js';
import { deterministic } from '../../templates/migrate/support/test/support/deterministic.js';
import { REPO_ROOT } from '../support/cli.js';
import { LEGACY } from './support/migrate-runner.js';

// From the sources, the templates are not where the built schematic finds them.
const TEMPLATES = join(REPO_ROOT, 'templates');

const planned = (
  sourceName: string,
  trigger?: PlannedTrigger,
): PlannedFunction => ({
  name: sourceName,
  sourceName,
  handler: { file: '', exportName: 'handler' },
  environment: {},
  statements: [],
  triggers: trigger === undefined ? [] : [trigger],
});

describe('the sample event', () => {
  it('is an events/*.json file of the source even when it is not named after the function', () => {
    const sample = sampleEvent(
      planned('stamp'),
      join(LEGACY, 'clock'),
      TEMPLATES,
    );

    expect(sample.from).toBe('events/request.json of the source');
    expect(JSON.parse(sample.text)).toEqual({ order: 'o-42' });
  });

  it('skips an event file of another trigger', () => {
    const sample = sampleEvent(
      planned('createOrder', {
        type: 'http-api',
        method: 'POST',
        path: '/orders',
        api: 'HttpApi',
      }),
      join(LEGACY, 'serverless-app'),
      TEMPLATES,
    );

    expect(sample.from).toBe('a sample http-api event for POST /orders');
    expect(triggerOfEvent(sample.text)).toBe('http-api');
  });

  it('hits the declared HTTP API route, with its path parameters', () => {
    const event = JSON.parse(
      sampleEvent(
        planned('hello', {
          type: 'http-api',
          method: 'GET',
          path: '/hello/{name}',
          api: 'HttpApi',
        }),
        LEGACY,
        TEMPLATES,
      ).text,
    ) as Record<string, unknown>;

    expect(event).toMatchObject({
      routeKey: 'GET /hello/{name}',
      rawPath: '/hello/sample-name',
      pathParameters: { name: 'sample-name' },
      requestContext: {
        routeKey: 'GET /hello/{name}',
        http: { method: 'GET', path: '/hello/sample-name' },
      },
    });
  });

  it('hits the declared REST route; ANY becomes GET', () => {
    const event = JSON.parse(
      sampleEvent(
        planned('items', {
          type: 'rest-api',
          method: 'ANY',
          path: '/items/{id}',
          api: 'ServerlessRestApi',
        }),
        LEGACY,
        TEMPLATES,
      ).text,
    ) as Record<string, unknown>;

    expect(event).toMatchObject({
      resource: '/items/{id}',
      path: '/items/sample-id',
      httpMethod: 'GET',
      pathParameters: { id: 'sample-id' },
      requestContext: { resourcePath: '/items/{id}', httpMethod: 'GET' },
    });
  });
});

describe('deterministic(), which the equivalence spec calls before each run', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const stamp = createRequire(join(LEGACY, 'clock/'))('./stamp.js') as {
    handler: LegacyHandler;
  };
  const context = {
    getRemainingTimeInMillis: () => 1000,
  } as unknown as Parameters<typeof invokeLegacy>[2];
  const run = () => invokeLegacy(stamp.handler, { order: 'o-1' }, context);

  it('gives a handler that reads the clock and draws numbers the same answer twice', async () => {
    deterministic();
    const first = await run();
    deterministic();
    const second = await run();

    expect(second).toEqual(first);
    expect(first).toMatchObject({ receivedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('is needed: without it the answers differ', async () => {
    const first = await run();
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await run()).not.toEqual(first);
  });
});
