import type { Rule, SchematicContext, Tree } from '@angular-devkit/schematics';
import { editFile } from '../utils/edit-file.rule.js';
import { addToModuleMetadata } from '../utils/module-metadata.js';

export function importCoreModule(source: string): string {
  return addToModuleMetadata(
    source,
    [
      {
        metadata: 'imports',
        symbol: 'CoreModule',
        importPath: './core/core.module.js',
      },
    ],
    'src/app.module.ts',
  );
}

/**
 * Lambda functions start from a module, never from main.ts, and the handlers `nest g
 * lambda-handler` adds validate their payloads with class-validator DTOs through the global
 * ValidationPipe of CoreModule (src/core/), which their feature modules import. The api function
 * boots AppModule, so AppModule imports CoreModule, unless the app declares a ValidationPipe there
 * already. Pipes that main.ts sets with `useGlobalPipes` apply to the local HTTP server only;
 * adding a second one would validate its requests twice, so then the user is told where to move
 * them instead.
 */
export function validateBodies(): Rule {
  return (tree: Tree, context: SchematicContext) => {
    const module = '/src/app.module.ts';
    if (tree.readText(module).includes('ValidationPipe')) return tree;
    const main = '/src/main.ts';
    if (tree.exists(main) && tree.readText(main).includes('useGlobalPipes')) {
      context.logger.warn(
        'src/main.ts sets global pipes, which Lambda functions do not run (they start from a module); declare them as APP_PIPE providers in src/core/core.module.ts and import CoreModule in AppModule instead.',
      );
      return tree;
    }
    context.logger.info(
      'AppModule imports CoreModule (src/core/), with the global ValidationPipe generated services have.',
    );
    return editFile(
      module,
      '/',
      importCoreModule,
      'src/app.module.ts not found.',
    );
  };
}
