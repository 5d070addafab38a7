import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TypeScript from 'typescript';

/** A compile for the documents: where its output is, or the first error. */
export type OpenApiBuild =
  | { readonly ok: true; readonly entry: (name: string) => string }
  | { readonly ok: false; readonly error: string; readonly errors: number };

type PluginBefore = (
  options: Record<string, unknown>,
  program: TypeScript.Program,
) => TypeScript.TransformerFactory<TypeScript.SourceFile>;

/**
 * Compiles the service (its tsconfig.build.json) with `@nestjs/swagger`'s compiler plugin into
 * `node_modules/.cache/nest-lambda-openapi`, apart from `dist/`: the plugin turns the DTOs' types,
 * class-validator decorators and doc comments into schema metadata, and that metadata needs
 * `@nestjs/swagger` at run time, which the functions' bundles (built from `dist/`) never carry.
 * Inside the service so that the compiled files resolve its packages.
 */
export async function compileForOpenApi(root: string): Promise<OpenApiBuild> {
  const require = createRequire(join(root, 'package.json'));
  const ts = require('typescript') as typeof TypeScript;
  const { before } = (await import(
    pathToFileURL(require.resolve('@nestjs/swagger/plugin')).href
  )) as { before: PluginBefore };
  const outDir = join(root, 'node_modules', '.cache', 'nest-lambda-openapi');
  rmSync(outDir, { recursive: true, force: true });

  let configError: string | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {
      outDir,
      noEmit: false,
      incremental: false,
      composite: false,
      declaration: false,
      sourceMap: false,
    },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        configError = ts.flattenDiagnosticMessageText(
          diagnostic.messageText,
          ' ',
        );
      },
    },
  );
  if (!parsed || configError)
    return {
      ok: false,
      error: configError ?? 'tsconfig.build.json cannot be read',
      errors: 1,
    };

  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const [first] = errors;
    const where = first!.file
      ? `${relative(root, first!.file.fileName)}(${first!.file.getLineAndCharacterOfPosition(first!.start ?? 0).line + 1}): `
      : '';
    return {
      ok: false,
      error: `${where}${ts.flattenDiagnosticMessageText(first!.messageText, ' ')}`,
      errors: errors.length,
    };
  }
  program.emit(undefined, undefined, undefined, false, {
    before: [before({ introspectComments: true }, program)],
  });
  const rootDir = parsed.options.rootDir ?? root;
  return {
    ok: true,
    entry: (name) =>
      join(
        outDir,
        relative(
          rootDir,
          join(root, 'src', 'functions', `${name}.function.js`),
        ),
      ),
  };
}
