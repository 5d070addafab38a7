import { join, posix } from 'node:path';
import type { Rule, Tree } from '@angular-devkit/schematics';
import ts from 'typescript';
import type { MigrationInput } from './normalize-options.js';

/**
 * Type-checks the source files this run creates, as `nest build` would, against the service's installed
 * packages, before anything is written: a migration that would leave the service unbuildable
 * fails and changes nothing. Without node_modules (not installed yet) there is nothing to check
 * against, and the run goes on.
 */
export function checkBuild(input: MigrationInput): Rule {
  return (tree: Tree) => {
    const at = (path: string) => posix.join('/', input.root, path);
    const installed = join(input.projectDir, 'node_modules');
    if (!ts.sys.fileExists(join(installed, 'typescript', 'package.json')))
      return;
    // What `nest build` compiles: the source folder (infra and tests are not part of the build).
    const sources = `${at(input.sourceRoot)}/`;
    const created = tree.actions
      .filter((action) => action.kind === 'c')
      .map((action) => String(action.path))
      .filter((path) => path.startsWith(sources))
      .filter(
        (path) => /\.[cm]?[jt]s$/.test(path) && !/\.d\.[cm]?ts$/.test(path),
      );
    const errors = buildErrors(tree, at('tsconfig.json'), created, {
      virtual: at('node_modules'),
      real: installed,
    });
    if (errors.length > 0) {
      throw new Error(
        `the migrated service would not build: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}; nothing was written. Leave that function out with --name, or fix the legacy code first`,
      );
    }
  };
}

/** `file(line,col): message` of every error TypeScript reports in `files`, read from the tree. */
export function buildErrors(
  tree: Tree,
  tsconfig: string,
  files: string[],
  modules: InstalledModules,
): string[] {
  const json = ts.parseConfigFileTextToJson(
    tsconfig,
    tree.exists(tsconfig) ? tree.readText(tsconfig) : '{}',
  ).config as { compilerOptions?: object } | undefined;
  const { options } = ts.convertCompilerOptionsFromJson(
    json?.compilerOptions ?? {},
    posix.dirname(tsconfig),
  );
  const compilerOptions: ts.CompilerOptions = {
    ...options,
    noEmit: true,
    incremental: false,
    declaration: false,
  };
  const host = treeCompilerHost(tree, compilerOptions, modules);
  const program = ts.createProgram(files, compilerOptions, host);
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (source === undefined) return [];
    return [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const { line, character } = source.getLineAndCharacterOfPosition(
          d.start ?? 0,
        );
        return `${file.slice(1)}(${line + 1},${character + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
  });
}

/** The tree's node_modules folder, and where it is on disk. */
export interface InstalledModules {
  virtual: string;
  real: string;
}

/**
 * The project as the tree holds it (with this run's files); its installed packages and
 * TypeScript's own libs straight from disk, which is many times faster than through the tree.
 */
function treeCompilerHost(
  tree: Tree,
  options: ts.CompilerOptions,
  modules: InstalledModules,
): ts.CompilerHost {
  const libDir = posix.dirname(ts.getDefaultLibFilePath(options));
  const onDisk = (path: string): string | undefined => {
    if (path.startsWith(libDir)) return path;
    if (path === modules.virtual || path.startsWith(`${modules.virtual}/`))
      return modules.real + path.slice(modules.virtual.length);
    return undefined;
  };
  const readFile = (path: string): string | undefined => {
    const disk = onDisk(path);
    if (disk !== undefined) return ts.sys.readFile(disk);
    return tree.exists(path) ? tree.readText(path) : undefined;
  };
  return {
    getSourceFile: (path, language) => {
      const text = readFile(path);
      return text === undefined
        ? undefined
        : ts.createSourceFile(path, text, language);
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (path) => path,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (path) => {
      const disk = onDisk(path);
      return disk !== undefined ? ts.sys.fileExists(disk) : tree.exists(path);
    },
    readFile,
    directoryExists: (path) => {
      const disk = onDisk(path);
      if (disk !== undefined) return ts.sys.directoryExists(disk);
      if (tree.exists(path)) return false;
      const dir = tree.getDir(path);
      return dir.subfiles.length > 0 || dir.subdirs.length > 0;
    },
    getDirectories: (path) => {
      const disk = onDisk(path);
      return disk !== undefined
        ? ts.sys.getDirectories(disk)
        : tree.getDir(path).subdirs.map(String);
    },
    realpath: (path) => path,
  };
}
