import type { Rule, SchematicContext, Tree } from '@angular-devkit/schematics';
import { editFile } from '../utils/edit-file.rule.js';
import { addToModuleMetadata } from '../utils/module-metadata.js';
import { addNamedImport } from '../utils/named-import.js';

// The same pipe, with the same options, as a generated service's AppModule declares.
const PIPE_PROVIDER =
  '{ provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, transform: true }) }';

export function addValidationPipe(source: string): string {
  const withProvider = addToModuleMetadata(
    source,
    [{ metadata: 'providers', symbol: PIPE_PROVIDER, importPath: '' }],
    'src/app.module.ts',
  );
  return addNamedImport(
    addNamedImport(withProvider, 'ValidationPipe', '@nestjs/common'),
    'APP_PIPE',
    '@nestjs/core',
  );
}

/**
 * Lambda functions start from AppModule, never from main.ts, and the handlers `nest g
 * lambda-handler` adds validate their payloads with class-validator DTOs through a global
 * ValidationPipe. So AppModule gets the pipe a generated service has, as an `APP_PIPE` provider,
 * unless the app has one there already. Pipes that main.ts sets with `useGlobalPipes` apply to the
 * local HTTP server only; adding a second one would validate its requests twice, so then the
 * user is told where to move them instead.
 */
export function validateBodies(): Rule {
  return (tree: Tree, context: SchematicContext) => {
    const module = '/src/app.module.ts';
    if (tree.readText(module).includes('ValidationPipe')) return tree;
    const main = '/src/main.ts';
    if (tree.exists(main) && tree.readText(main).includes('useGlobalPipes')) {
      context.logger.warn(
        'src/main.ts sets global pipes, which Lambda functions do not run (they start from AppModule); declare them as APP_PIPE providers in AppModule instead.',
      );
      return tree;
    }
    context.logger.info(
      'Added a global ValidationPipe to AppModule (APP_PIPE), as generated services have.',
    );
    return editFile(
      module,
      '/',
      addValidationPipe,
      'src/app.module.ts not found.',
    );
  };
}
