import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../bench/support/exec.js';
import { GeneratedService } from './support/generated-service.js';

// Issue 13 item 7 in an installed service: `npm run openapi` writes the OpenAPI document of each
// HTTP function, from the service as generated (its sample DTOs carry no Swagger decorator).

interface OpenApiDocument {
  openapi: string;
  info: { title: string; description: string; version: string };
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, unknown> } }>
  >;
  components: { schemas: Record<string, unknown> };
}

describe('npm run openapi in a service with an HTTP API, a REST API and an SQS function', () => {
  let service: GeneratedService;
  let run: CommandResult;
  const read = (name: string) =>
    JSON.parse(
      readFileSync(join(service.dir, 'openapi', `${name}.json`), 'utf8'),
    ) as OpenApiDocument;
  const bodySchema = (document: OpenApiDocument, path: string) =>
    document.paths[path]?.['post']?.requestBody?.content['application/json'];

  beforeAll(async () => {
    service = await GeneratedService.create('openapi-service', [
      '--triggers',
      'http-api,rest-api,sqs',
    ]);
    run = await service.script('openapi');
  });

  afterAll(() => service?.printTimings('Timings of the OpenAPI e2e:'));

  it('writes one document per HTTP function, and none for the SQS function', () => {
    expect(run.stdout).toMatch(
      /CREATE openapi\/api\.json \(\d+ bytes\)\nCREATE openapi\/partner-api\.json \(\d+ bytes\)\n/,
    );
    expect(readdirSync(join(service.dir, 'openapi'))).toEqual([
      'api.json',
      'partner-api.json',
    ]);
    // Compiled apart: the build the functions are bundled from is not made or touched.
    expect(existsSync(join(service.dir, 'dist'))).toBe(false);
  });

  it("documents each function's own routes, titled by function and versioned by package.json", () => {
    const api = read('api');
    const partner = read('partner-api');
    expect(api.openapi).toMatch(/^3\./);
    expect(api.info).toMatchObject({
      title: 'api',
      description: 'The api function (http-api) of openapi-service.',
      version: '0.0.1',
    });
    expect(Object.keys(api.paths)).toEqual([
      '/health',
      '/orders/{id}',
      '/orders',
    ]);
    expect(partner.info.title).toBe('partner-api');
    expect(Object.keys(partner.paths)).toEqual([
      '/partner-api/{id}',
      '/partner-api',
    ]);
  });

  it('gives the sample DTOs their schemas, nested lines included, from types and class-validator', () => {
    const api = read('api');
    expect(bodySchema(api, '/orders')).toEqual({
      schema: { $ref: '#/components/schemas/CreateOrderDto' },
    });
    expect(api.components.schemas).toEqual({
      CreateOrderDto: {
        type: 'object',
        properties: {
          customerId: { type: 'string' },
          lines: {
            type: 'array',
            minItems: 1,
            items: { $ref: '#/components/schemas/OrderLineDto' },
          },
        },
        required: ['customerId', 'lines'],
      },
      OrderLineDto: {
        type: 'object',
        properties: {
          sku: { type: 'string' },
          quantity: { type: 'number', minimum: 1 },
        },
        required: ['sku', 'quantity'],
      },
    });
    const partner = read('partner-api');
    expect(bodySchema(partner, '/partner-api')).toEqual({
      schema: { $ref: '#/components/schemas/CreatePartnerApiDto' },
    });
    expect(partner.components.schemas['CreatePartnerApiDto']).toEqual({
      type: 'object',
      properties: {
        name: {
          type: 'string',
          description: 'What the partner-api item is called.',
          maxLength: 100,
        },
      },
      required: ['name'],
    });
  });
});
