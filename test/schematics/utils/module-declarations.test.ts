import { describe, expect, it } from 'vitest';
import {
  readModuleClassName,
  readModuleDeclarations,
} from '../../../schematics/utils/module-declarations.js';

describe('readModuleDeclarations', () => {
  it('reads imports, controllers and providers with the specifiers they come from', () => {
    const source = [
      "import { Module } from '@nestjs/common';",
      "import { Cache } from 'cache-lib';",
      "import { CoreModule } from '../core/core.module.js';",
      "import { RefundsController } from './refunds.controller.js';",
      "import { RefundsService as Service } from './refunds.service.js';",
      '',
      '@Module({',
      '  imports: [CoreModule],',
      '  controllers: [RefundsController],',
      "  providers: [Service, Cache, { provide: 'X', useValue: 1 }],",
      '  exports: [Service],',
      '})',
      'export class RefundsModule {}',
    ].join('\n');

    expect(readModuleDeclarations(source)).toEqual([
      {
        metadata: 'imports',
        symbol: 'CoreModule',
        importPath: '../core/core.module.js',
      },
      {
        metadata: 'controllers',
        symbol: 'RefundsController',
        importPath: './refunds.controller.js',
      },
      {
        metadata: 'providers',
        symbol: 'Service',
        importPath: './refunds.service.js',
      },
      { metadata: 'providers', symbol: 'Cache', importPath: 'cache-lib' },
      {
        metadata: 'providers',
        symbol: "{ provide: 'X', useValue: 1 }",
        importPath: '',
      },
    ]);
  });

  it('finds nothing in a file without @Module', () => {
    expect(readModuleDeclarations('export class A {}\n')).toEqual([]);
  });

  it('names the class that @Module decorates', () => {
    const source = [
      'export class Helper {}',
      '@Module({ providers: [] })',
      'export class LedgerModule {}',
    ].join('\n');

    expect(readModuleClassName(source)).toBe('LedgerModule');
    expect(readModuleClassName('export class A {}\n')).toBeUndefined();
  });
});
