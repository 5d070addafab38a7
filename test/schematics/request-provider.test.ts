import { describe, expect, it } from 'vitest';
import {
  addedPaths,
  changedPaths,
  contentsOf,
  useScaffoldedService,
} from './utils/service-tree.js';

const { service, run, runner } = useScaffoldedService(
  'request-provider',
  'sqs',
);

const TENANT_PROVIDER = `import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { EventBridgeEvent, SNSEventRecord, SQSRecord } from 'aws-lambda';
import type {
  LambdaHttpRequest,
  LambdaInvocation,
} from '@create-nest-lambda/runtime';

const HEADER = 'x-tenant-id';
const FIELD = 'tenantId';

/**
 * The tenant id of the current invocation: the \`x-tenant-id\` header (HTTP functions), the
 * \`tenantId\` message attribute (SQS and SNS), the \`tenantId\` field of the event's detail
 * (EventBridge); \`undefined\` when the invocation carries none, and for other triggers.
 * Request-scoped, so every invocation, and every record of a batch, gets its own.
 */
@Injectable({ scope: Scope.REQUEST })
export class TenantId {
  readonly value: string | undefined;

  constructor(@Inject(REQUEST) request: LambdaHttpRequest | LambdaInvocation) {
    // HTTP functions get the request-like object Nest's router sees; the others the invocation.
    this.value =
      'lambda' in request ? fromHeader(request) : fromInvocation(request);
  }
}

function fromHeader(request: LambdaHttpRequest): string | undefined {
  const header = request.headers[HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value || undefined;
}

function fromInvocation(invocation: LambdaInvocation): string | undefined {
  switch (invocation.trigger) {
    case 'sqs':
    case 'sqs-fifo': {
      const record = invocation.record as SQSRecord | undefined;
      return record?.messageAttributes?.[FIELD]?.stringValue || undefined;
    }
    case 'sns': {
      const record = invocation.record as SNSEventRecord | undefined;
      return record?.Sns.MessageAttributes?.[FIELD]?.Value || undefined;
    }
    case 'eventbridge': {
      const event = invocation.event as EventBridgeEvent<string, unknown>;
      const detail = event.detail as Record<string, unknown> | undefined;
      const value = detail?.[FIELD];
      return typeof value === 'string' && value !== '' ? value : undefined;
    }
    default:
      return undefined;
  }
}
`;

describe('request-provider', () => {
  it('adds TenantId, its spec and a global TenantModule imported by CoreModule, which every function imports', async () => {
    const tree = await run({ name: 'tenant' });

    expect(addedPaths(service(), tree)).toEqual([
      '/src/tenant/tenant-id.provider.spec.ts',
      '/src/tenant/tenant-id.provider.ts',
      '/src/tenant/tenant.module.ts',
    ]);
    expect(changedPaths(service(), tree)).toEqual(['/src/core/core.module.ts']);
    expect(tree.readText('/src/tenant/tenant-id.provider.ts')).toEqual(
      TENANT_PROVIDER,
    );
    expect(tree.readText('/src/tenant/tenant.module.ts')).toEqual(
      [
        "import { Global, Module } from '@nestjs/common';",
        "import { TenantId } from './tenant-id.provider.js';",
        '',
        '/** Makes TenantId injectable in every module, as CorrelationModule does for CorrelationId. */',
        '@Global()',
        '@Module({',
        '  providers: [TenantId],',
        '  exports: [TenantId],',
        '})',
        'export class TenantModule {}',
        '',
      ].join('\n'),
    );
    const coreModule = service()['/src/core/core.module.ts'];
    expect(tree.readText('/src/core/core.module.ts')).toEqual(
      coreModule
        .replace(
          "correlation.module.js';\n",
          "correlation.module.js';\nimport { TenantModule } from '../tenant/tenant.module.js';\n",
        )
        .replace(
          'imports: [CorrelationModule]',
          'imports: [CorrelationModule, TenantModule]',
        ),
    );
  });

  it('reads x-<name>-id and <name>Id for other names, and drops a trailing -id', async () => {
    const tree = await run({ name: 'api-key-id' });
    const provider = tree.readText('/src/api-key/api-key-id.provider.ts');

    expect(provider).toContain("const HEADER = 'x-api-key-id';\n");
    expect(provider).toContain("const FIELD = 'apiKeyId';\n");
    expect(provider).toContain('export class ApiKeyId {\n');
    expect(tree.readText('/src/core/core.module.ts')).toContain(
      "import { ApiKeyModule } from '../api-key/api-key.module.js';\n",
    );
  });

  it('with --flat, puts the provider in src/ and lists and exports it in CoreModule', async () => {
    const tree = await run({ name: 'tenant', flat: true });

    expect(addedPaths(service(), tree)).toEqual([
      '/src/tenant-id.provider.spec.ts',
      '/src/tenant-id.provider.ts',
    ]);
    expect(tree.readText('/src/tenant-id.provider.ts')).toEqual(
      TENANT_PROVIDER,
    );
    const coreModule = service()['/src/core/core.module.ts'];
    expect(tree.readText('/src/core/core.module.ts')).toEqual(
      coreModule
        .replace(
          "correlation.module.js';\n",
          "correlation.module.js';\nimport { TenantId } from '../tenant-id.provider.js';\n",
        )
        .replace(
          '    },\n  ],\n})',
          '    },\n    TenantId,\n  ],\n  exports: [TenantId],\n})',
        ),
    );
  });

  it('in a project without CoreModule, imports its module into AppModule', async () => {
    const files = { ...service() };
    delete files['/src/core/core.module.ts'];
    const tree = await run({ name: 'tenant' }, files);

    expect(changedPaths(files, tree)).toEqual(['/src/app.module.ts']);
    expect(tree.readText('/src/app.module.ts')).toContain(
      "import { TenantModule } from './tenant/tenant.module.js';\n",
    );
  });

  it('refuses a provider that exists, and changes nothing', async () => {
    const once = await run({ name: 'tenant' });
    const before = contentsOf(once);

    await expect(
      runner.runSchematic('request-provider', { name: 'tenant-id' }, once),
    ).rejects.toThrow(
      'provider "TenantId" already exists (src/tenant/tenant-id.provider.spec.ts and 2 more); choose another name. Nothing was changed.',
    );
    expect(contentsOf(once)).toEqual(before);
  });

  it("refuses the scaffold's own correlation id", async () => {
    await expect(run({ name: 'correlation' })).rejects.toThrow(
      'provider "CorrelationId" already exists (src/correlation/correlation-id.provider.ts and 1 more)',
    );
  });

  it.each([
    [
      'spaces',
      'my tenant',
      'provider "my tenant" contains spaces; use dashes, e.g. "my-tenant".',
    ],
    ['path traversal', '../x', 'provider "../x" is not a valid name'],
    ['a reserved word', 'class', 'provider "class" is a reserved word'],
    [
      'only an id',
      'id',
      'provider name missing; pass one, e.g. "payment-events".',
    ],
  ])('refuses a name with %s', async (_what, name, message) => {
    await expect(run({ name })).rejects.toThrow(message);
  });

  it('with --skip-import and --no-spec, adds only the provider and its module', async () => {
    const tree = await run({ name: 'tenant', skipImport: true, spec: false });

    expect(addedPaths(service(), tree)).toEqual([
      '/src/tenant/tenant-id.provider.ts',
      '/src/tenant/tenant.module.ts',
    ]);
    expect(changedPaths(service(), tree)).toEqual([]);
  });
});
