import { beforeAll, describe, expect, it } from 'vitest';
import { collectionRunner } from '../support/schematics.js';
import {
  addedPaths,
  changedPaths,
  contentsOf,
  type Files,
  nestNewFiles,
  projectTree,
  scaffoldedFiles,
} from './utils/service-tree.js';

const runner = collectionRunner();
let app: Files;
let service: Files;

// A scaffold takes seconds; on a busy machine more than the default hook timeout.
beforeAll(async () => {
  app = await nestNewFiles();
  // What the scaffold writes for a service of the same name, to compare the shared files with.
  service = await scaffoldedFiles('http-api', 'app');
}, 60_000);

function run(files: Files, options: Record<string, unknown> = {}) {
  return runner.runSchematic('lambda-init', options, projectTree(files));
}

describe('lambda-init on a fresh nest new app', () => {
  it("adds what a generated service has beyond the app's own files, the same bytes as the scaffold writes", async () => {
    const tree = await run(app);
    const added = addedPaths(app, tree);
    // Infra, the invoke script and test support are the scaffold's, byte for byte.
    for (const path of added.filter(
      (p) =>
        !/^\/(src|test)\/functions\/|^\/test\/events\/|^\/src\/core\//.test(p),
    )) {
      expect([path, tree.readText(path)]).toEqual([path, service[path]]);
    }
    expect(added).toEqual([
      '/.gitignore',
      '/.prettierignore',
      '/cdk.json',
      '/infra/functions/api.construct.ts',
      '/infra/main.ts',
      '/infra/service.app.ts',
      '/infra/service.config.ts',
      '/infra/service.stack.ts',
      '/scripts/invoke.ts',
      '/src/core/core.module.ts',
      '/src/functions/api.cors.ts',
      '/src/functions/api.function.ts',
      '/test/events/api.json',
      '/test/functions/api.function.spec.ts',
      '/test/infra/service.stack.spec.ts',
      '/test/infra/stages.spec.ts',
      '/test/support/lambda-context.ts',
    ]);
    expect(changedPaths(app, tree)).toEqual([
      '/nest-cli.json',
      '/package.json',
      '/src/app.module.ts',
      '/vitest.config.ts',
    ]);
  });

  it('serves every controller of the app from one HTTP API function', async () => {
    const tree = await run(app);

    expect(tree.readText('/src/functions/api.function.ts')).toEqual(
      [
        "import { createHandler } from '@create-nest-lambda/runtime';",
        "import { AppModule } from '../app.module.js';",
        '',
        '/**',
        ' * The HTTP API function: API Gateway HTTP API requests, routed to every controller of the app, the',
        ' * way the HTTP server in main.ts routes them (main.ts still serves them locally). It boots AppModule,',
        ' * so its bundle holds what AppModule imports: functions that `nest g lambda-handler` adds boot their',
        " * own modules, but are imported into AppModule too; move the app's HTTP modules into a module of",
        ' * their own and boot that here to keep them out of this bundle.',
        ' */',
        "export const handler = await createHandler(AppModule, { trigger: 'http-api' });",
        '',
      ].join('\n'),
    );
    expect(tree.readText('/infra/service.stack.ts')).toContain(
      "    new ApiFunction(this, 'Api');\n",
    );
  });

  it('imports CoreModule, with the global ValidationPipe that generated handlers rely on, into AppModule', async () => {
    const tree = await run(app);

    expect(tree.readText('/src/app.module.ts')).toEqual(
      [
        "import { Module } from '@nestjs/common';",
        "import { AppController } from './app.controller.js';",
        "import { AppService } from './app.service.js';",
        "import { CoreModule } from './core/core.module.js';",
        '',
        '@Module({',
        '  imports: [CoreModule],',
        '  controllers: [AppController],',
        '  providers: [AppService],',
        '})',
        'export class AppModule {}',
        '',
      ].join('\n'),
    );
    expect(tree.readText('/src/core/core.module.ts')).toContain(
      'useValue: new ValidationPipe({ whitelist: true, transform: true }),',
    );
  });

  it.each([
    [
      'AppModule has a ValidationPipe',
      '/src/app.module.ts',
      'providers: [AppService]',
      'providers: [AppService, ValidationPipe]',
    ],
    [
      'main.ts sets global pipes (which it would then run twice)',
      '/src/main.ts',
      'await app.listen',
      'app.useGlobalPipes();\n  await app.listen',
    ],
  ])('leaves AppModule alone when %s', async (_what, path, from, to) => {
    expect(app[path]).toContain(from);
    const files = { ...app, [path]: app[path].replace(from, to) };
    const tree = await run(files);

    expect(tree.readText('/src/app.module.ts')).toEqual(
      files['/src/app.module.ts'],
    );
  });

  it('names this collection in nest-cli.json and gives vitest time to start the app', async () => {
    const tree = await run(app);

    expect(JSON.parse(tree.readText('/nest-cli.json'))).toEqual({
      ...JSON.parse(app['/nest-cli.json']),
      collection: 'create-nest-lambda',
    });
    expect(tree.readText('/vitest.config.ts')).toEqual(
      app['/vitest.config.ts'].replace(
        "    include: ['**/*.spec.ts'],\n",
        "    include: ['**/*.spec.ts'],\n    // Specs that import a Lambda entry start a whole Nest application, as Lambda's init phase does.\n    testTimeout: 30_000,\n",
      ),
    );
  });

  it("adds the service's scripts and dependencies, keeping the app's versions and its own scripts", async () => {
    const pkg = JSON.parse(app['/package.json']) as Record<
      string,
      Record<string, string>
    >;
    pkg.scripts.lint = 'oxlint src/';
    const tree = await run({ ...app, '/package.json': JSON.stringify(pkg) });
    const merged = JSON.parse(tree.readText('/package.json')) as Record<
      string,
      Record<string, string>
    >;
    const generated = JSON.parse(service['/package.json']) as Record<
      string,
      Record<string, string>
    >;

    // Each script the app lacks, and the ones nest new wrote for a server, as a service has them.
    const { typecheck, synth, diff, invoke, deploy, format, test, openapi } =
      generated.scripts;
    expect(merged.scripts).toEqual({
      ...pkg.scripts,
      lint: 'oxlint src/',
      deploy,
      format,
      test,
      typecheck,
      'format:check': generated.scripts['format:check'],
      synth,
      diff,
      invoke,
      openapi,
    });
    expect(merged.dependencies['@nestjs/core']).toBe(
      pkg.dependencies['@nestjs/core'],
    );
    for (const name of Object.keys(generated.dependencies))
      expect(merged.dependencies[name]).toBeDefined();
    expect(merged.devDependencies['create-nest-lambda']).toBe(
      generated.devDependencies['create-nest-lambda'],
    );
    expect(merged.dependencies['@create-nest-lambda/runtime']).toBe(
      generated.dependencies['@create-nest-lambda/runtime'],
    );
    expect(merged.devDependencies['aws-cdk-lib']).toBe(
      generated.devDependencies['aws-cdk-lib'],
    );
    expect(Object.keys(merged.dependencies)).toEqual(
      Object.keys(merged.dependencies).sort(),
    );
  });

  it("adds cdk.out to the app's own ignore files instead of replacing them", async () => {
    const tree = await run({
      ...app,
      '/.gitignore': '/dist\n/node_modules\n',
      '/.prettierignore': 'dist',
    });

    expect(tree.readText('/.gitignore')).toEqual(
      '/dist\n/node_modules\n/cdk.out\n',
    );
    expect(tree.readText('/.prettierignore')).toEqual('dist\ncdk.out\n');
  });
});

describe('lambda-init refuses', () => {
  it('a second run, naming the way to update, and changes nothing', async () => {
    const once = await run(app);
    const before = contentsOf(once);

    await expect(runner.runSchematic('lambda-init', {}, once)).rejects.toThrow(
      'this app has Lambda support already (cdk.json exists); to update the runtime run npm update @create-nest-lambda/runtime.',
    );
    expect(contentsOf(once)).toEqual(before);
  });

  it.each([
    [
      '/nest-cli.json',
      'no nest-cli.json here; run init in the root folder of a Nest application (one made by nest new).',
    ],
    ['/src/app.module.ts', 'no src/app.module.ts here;'],
    ['/package.json', 'no package.json here;'],
  ])('a folder without %s', async (missing, message) => {
    const { [missing]: _gone, ...files } = app;
    await expect(run(files)).rejects.toThrow(message);
  });

  it('a CommonJS app', async () => {
    const pkg = JSON.parse(app['/package.json']) as Record<string, unknown>;
    delete pkg.type;
    await expect(
      run({ ...app, '/package.json': JSON.stringify(pkg) }),
    ).rejects.toThrow(
      'package.json has no "type": "module"; the Lambda entries are ES modules (as nest new of Nest 12 makes), so convert the app to ESM first.',
    );
  });

  it('an app with a file where Lambda support goes', async () => {
    await expect(
      run({ ...app, '/infra/main.ts': 'export {};\n' }),
    ).rejects.toThrow(
      'Lambda support already exists (infra/main.ts); choose another name. Nothing was changed.',
    );
  });
});
