import { describe, expect, it } from 'vitest';
import { addToModuleMetadata } from '../../../schematics/utils/module-metadata.js';

// What `nest new` (Nest 12) generates.
const nestNew = [
  "import { Module } from '@nestjs/common';",
  "import { AppController } from './app.controller.js';",
  "import { AppService } from './app.service.js';",
  '',
  '@Module({',
  '  imports: [],',
  '  controllers: [AppController],',
  '  providers: [AppService],',
  '})',
  'export class AppModule {}',
  '',
].join('\n');

const paymentsModule = {
  metadata: 'imports',
  symbol: 'PaymentsModule',
  importPath: './payments/payments.module.js',
};

describe('addToModuleMetadata', () => {
  it('lists the class in the metadata array and imports it', () => {
    expect(
      addToModuleMetadata(nestNew, [paymentsModule], 'src/app.module.ts'),
    ).toEqual(
      [
        "import { Module } from '@nestjs/common';",
        "import { AppController } from './app.controller.js';",
        "import { AppService } from './app.service.js';",
        "import { PaymentsModule } from './payments/payments.module.js';",
        '',
        '@Module({',
        '  imports: [PaymentsModule],',
        '  controllers: [AppController],',
        '  providers: [AppService],',
        '})',
        'export class AppModule {}',
        '',
      ].join('\n'),
    );
  });

  it('adds a metadata key the decorator lacks, and several entries at once', () => {
    const source =
      "import { Module } from '@nestjs/common';\n\n@Module({\n  imports: [],\n})\nexport class OrdersModule {}\n";
    expect(
      addToModuleMetadata(
        source,
        [
          {
            metadata: 'providers',
            symbol: 'TenantId',
            importPath: './tenant-id.provider.js',
          },
          {
            metadata: 'exports',
            symbol: 'TenantId',
            importPath: './tenant-id.provider.js',
          },
        ],
        'src/orders/orders.module.ts',
      ),
    ).toEqual(
      "import { Module } from '@nestjs/common';\nimport { TenantId } from './tenant-id.provider.js';\n\n@Module({\n  imports: [],\n  providers: [TenantId],\n  exports: [TenantId],\n})\nexport class OrdersModule {}\n",
    );
  });

  it('changes nothing the second time', () => {
    const once = addToModuleMetadata(nestNew, [paymentsModule], 'a.ts');
    expect(addToModuleMetadata(once, [paymentsModule], 'a.ts')).toBe(once);
  });

  it('refuses a file without @Module, naming the way out', () => {
    expect(() =>
      addToModuleMetadata(
        'export class AppModule {}\n',
        [paymentsModule],
        'src/app.module.ts',
      ),
    ).toThrow(
      'src/app.module.ts has no @Module({ ... }) decorator to register PaymentsModule in; pass --skip-import and register it yourself.',
    );
  });
});
