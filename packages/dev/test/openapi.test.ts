import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpenApiService,
  OPENAPI_SERVICE,
  runOpenApi,
  type OpenApiRun,
} from './openapi-service.js';

const roots: string[] = [];
const service = (files?: Record<string, string>) => {
  const root = createOpenApiService(files);
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const read = (root: string, path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as {
    openapi: string;
    info: Record<string, string>;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };

describe('nest-lambda-openapi', { timeout: 180_000 }, () => {
  let root: string;
  let first: OpenApiRun;

  beforeAll(async () => {
    root = service();
    first = await runOpenApi(root);
  }, 180_000);

  it('writes one document per HTTP function, and says so like nest g', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^CREATE openapi\/api\.json \(\d+ bytes\)\nCREATE openapi\/partner\.json \(\d+ bytes\)\n$/,
    );
    expect(readdirSync(join(root, 'openapi'))).toEqual([
      'api.json',
      'partner.json',
    ]);
  });

  it("documents the routes of the function's own app, as its configure set them", () => {
    const api = read(root, 'openapi/api.json');
    expect(api.openapi).toBe('3.0.0');
    expect(api.info).toEqual({
      title: 'api',
      description: 'The api function (http-api) of orders-service.',
      version: '1.2.3',
      contact: {},
    });
    expect(Object.keys(api.paths)).toEqual(['/v1/orders/{id}', '/v1/orders']);
    expect(Object.keys(api.paths['/v1/orders']!)).toEqual(['post']);
    expect(Object.keys(read(root, 'openapi/partner.json').paths)).toEqual([
      '/health',
    ]);
  });

  it('gives the DTO a schema from its types, its class-validator decorators and its doc comment', () => {
    const api = read(root, 'openapi/api.json');
    expect(api.components.schemas['CreateOrderDto']).toEqual({
      type: 'object',
      properties: {
        name: {
          type: 'string',
          description: 'What the customer calls the order.',
          maxLength: 100,
        },
        quantity: { type: 'number' },
      },
      required: ['name'],
    });
    expect(api.paths['/v1/orders']!['post']).toMatchObject({
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/CreateOrderDto' },
          },
        },
      },
    });
  });

  it('writes the named functions to --out, and says UPDATE for a file it replaces', async () => {
    const once = await runOpenApi(root, ['partner', '--out', 'docs/api']);
    const twice = await runOpenApi(root, ['partner', '--out', 'docs/api']);
    expect([once.code, twice.code]).toEqual([0, 0]);
    expect(once.stdout).toMatch(
      /^CREATE docs\/api\/partner\.json \(\d+ bytes\)\n$/,
    );
    expect(twice.stdout).toMatch(
      /^UPDATE docs\/api\/partner\.json \(\d+ bytes\)\n$/,
    );
    expect(readdirSync(join(root, 'docs/api'))).toEqual(['partner.json']);
  });
});

describe('nest-lambda-openapi refuses', { timeout: 180_000 }, () => {
  let root: string;
  beforeAll(() => {
    root = service();
  });

  it.each([
    [
      ['--bogus'],
      "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"; the options are --out <folder> and the names of HTTP functions.",
    ],
    [['--out', ''], '--out needs a folder, e.g. --out openapi.'],
    [
      ['--out', 'package.json'],
      '--out "package.json" is a file; pass a folder, e.g. --out openapi.',
    ],
    [
      ['Api'],
      '"Api" is not a function name; name the functions as in src/functions/<name>.function.ts, e.g. api.',
    ],
    [
      ['billing'],
      '"billing" is not an HTTP function of this service; name one of: api, partner.',
    ],
    [
      ['jobs'],
      '"jobs" is not an HTTP function of this service; name one of: api, partner.',
    ],
  ])(
    '%j in one line, with exit 2 and nothing written',
    async (args, message) => {
      const run = await runOpenApi(root, args);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `Error: ${message}\n`,
      });
      expect(existsSync(join(root, 'openapi'))).toBe(false);
    },
  );

  it('a folder without functions, with exit 2', async () => {
    const run = await runOpenApi(service({ 'package.json': '{}' }));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Error: no src/functions/*.function.ts here; run nest-lambda-openapi in the folder of a service.\n',
    });
  });

  it('a function that does not boot, with exit 1, its logs, and nothing written', async () => {
    const { ['cdk.out/Svc.template.json']: _, ...files } = OPENAPI_SERVICE;
    const bare = service(files);
    const run = await runOpenApi(bare);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'Error: function "api" did not boot: Error: TABLE_NAME is not set; fix it (its logs above), then run again.',
    );
    expect(existsSync(join(bare, 'openapi'))).toBe(false);
  });

  it('a service that does not compile, with exit 1 and the first error', async () => {
    const broken = service({
      ...OPENAPI_SERVICE,
      'src/partner/partner.module.ts': `${OPENAPI_SERVICE['src/partner/partner.module.ts']}export const wrong: number = 'text';\n`,
    });
    const run = await runOpenApi(broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Error: compile failed \(\d+ errors?: src\/partner\/partner\.module\.ts\(13\): Type 'string' is not assignable to type 'number'\.\); fix it and run again\.\n$/,
    );
    expect(existsSync(join(broken, 'openapi'))).toBe(false);
  });
});

describe('nest-lambda-openapi in a service without HTTP functions', () => {
  it('says so in one line, with exit 0 and nothing written', async () => {
    const root = service({
      'package.json': '{"name":"jobs-service","type":"module"}',
      'src/functions/jobs.function.ts':
        OPENAPI_SERVICE['src/functions/jobs.function.ts']!,
    });
    expect(await runOpenApi(root)).toEqual({
      code: 0,
      stdout:
        'no HTTP function in this service (http-api, rest-api, function-url or alb); no document written.\n',
      stderr: '',
    });
    expect(existsSync(join(root, 'openapi'))).toBe(false);
  });
});
