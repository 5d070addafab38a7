import { describe, expect, it } from 'vitest';
import { planKitUpdate } from '../../schematics/lambda-runtime/kit-update-plan.js';
import { readRuntimePackage } from '../../schematics/lambda-runtime/runtime-source.js';
import { hashOf, type KitManifest } from '../../schematics/utils/kit-hash.js';
import {
  contentsOf,
  type Files,
  projectTree,
  useScaffoldedService,
} from './utils/service-tree.js';

const { service, run, runner } = useScaffoldedService('lambda-runtime', 'sqs');

const RUNTIME = '@create-nest-lambda/runtime';
const MANIFEST = '/src/lambda/.kit-manifest.json';
const ERRORS = '/src/lambda/errors.ts';
const ENTRY = '/src/functions/order-events.function.ts';
const HANDLER = '/src/order-events/order-events.handler.ts';

const dependencies = (files: Files) =>
  (JSON.parse(files['/package.json']!) as { dependencies: Files }).dependencies;

/** The service right after `add lambda-runtime`, made once per test that needs it. */
async function ejected(): Promise<Files> {
  return contentsOf(await run({}));
}

/** An ejected service as an older release would have left it: `errors.ts` as it was then. */
function withOlderKit(files: Files, errors: string): Files {
  const manifest = JSON.parse(files[MANIFEST]!) as KitManifest;
  manifest.files['errors.ts'] = hashOf(errors);
  manifest.files['retired.ts'] = hashOf('export {};\n');
  return {
    ...files,
    [ERRORS]: errors,
    '/src/lambda/retired.ts': 'export {};\n',
    [MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

describe('lambda-runtime: eject', () => {
  it('a new service depends on the package and has no src/lambda/', () => {
    expect(dependencies(service())[RUNTIME]).toMatch(/^\^\d/);
    expect(
      Object.keys(service()).some((p) => p.startsWith('/src/lambda/')),
    ).toBe(false);
  });

  it('copies every file of the runtime, points the imports there and swaps the dependency', async () => {
    const files = await ejected();
    const runtime = readRuntimePackage();

    for (const path of runtime.files.keys())
      expect(files).toHaveProperty(`/src/lambda/${path}`);
    expect(files[ENTRY]).toContain("from '../lambda/index.js'");
    expect(files[HANDLER]).toContain("from '../lambda/index.js'");
    expect(Object.values(files).join('\n')).not.toContain(`'${RUNTIME}'`);
    const deps = dependencies(files);
    expect(deps).not.toHaveProperty(RUNTIME);
    for (const name of Object.keys(runtime.dependencies))
      expect(
        deps[name] ??
          (JSON.parse(files['/package.json']!) as { devDependencies: Files })
            .devDependencies[name],
      ).toBeDefined();
    expect(deps['path-to-regexp']).toBe(runtime.dependencies['path-to-regexp']);
    // The copy imports the optional peers' types (Powertools metrics, tracer, idempotency).
    const devDeps = (
      JSON.parse(files['/package.json']!) as { devDependencies: Files }
    ).devDependencies;
    expect(Object.keys(runtime.optionalPeers)).toContain(
      '@aws-lambda-powertools/idempotency',
    );
    for (const name of Object.keys(runtime.optionalPeers))
      expect(devDeps[name] ?? deps[name], name).toBeDefined();
    expect(devDeps['@aws-lambda-powertools/tracer']).toBe(
      runtime.optionalPeers['@aws-lambda-powertools/tracer'],
    );
    // The manifest records every file as the eject wrote it.
    const manifest = JSON.parse(files[MANIFEST]!) as KitManifest;
    expect(Object.keys(manifest.files).sort()).toEqual(
      [...runtime.files.keys()].sort(),
    );
  });

  it('changes nothing when run again on a current copy', async () => {
    const files = await ejected();
    expect(contentsOf(await run({}, files))).toEqual(files);
  });

  it('brings an older copy up to date: replaces unedited files, adds new ones, removes retired ones', async () => {
    const files = await ejected();
    const older = withOlderKit(files, 'export class Old {}\n');
    delete older['/src/lambda/constants.ts'];
    const tree = await run({}, older);

    expect(contentsOf(tree)).toEqual(files);
  });

  it('refuses to touch a file the user edited, names --force, and changes nothing', async () => {
    const files = await ejected();
    const edited = { ...files, [ERRORS]: `${files[ERRORS]}// ours\n` };
    const tree = projectTree(edited);

    await expect(
      runner.runSchematic('lambda-runtime', {}, tree),
    ).rejects.toThrow(
      'src/lambda/errors.ts changed since they were generated; nothing was updated. Pass --force to replace them (create-nest-lambda add lambda-runtime --force).',
    );
    expect(contentsOf(tree)).toEqual(edited);
  });

  it('with --force, replaces edited files too, and the next run changes nothing', async () => {
    const files = await ejected();
    const edited = { ...files, [ERRORS]: `${files[ERRORS]}// ours\n` };
    const tree = await run({ force: true }, edited);
    expect(contentsOf(tree)).toEqual(files);
    expect(contentsOf(await run({}, contentsOf(tree)))).toEqual(files);
  });

  it('leaves files the user added to src/lambda/ alone', async () => {
    const files = {
      ...(await ejected()),
      '/src/lambda/ours.ts': 'export const ours = 1;\n',
    };
    expect(contentsOf(await run({}, files))).toEqual(files);
  });
});

describe('lambda-runtime --to-package', () => {
  it('goes back: removes src/lambda/, points the imports at the package and depends on it', async () => {
    const tree = await run({ toPackage: true }, await ejected());
    const files = contentsOf(tree);

    expect(
      Object.keys(files).filter((p) => p.startsWith('/src/lambda/')),
    ).toEqual([]);
    expect(files[ENTRY]).toEqual(service()[ENTRY]);
    expect(files[HANDLER]).toEqual(service()[HANDLER]);
    expect(dependencies(files)[RUNTIME]).toBe(dependencies(service())[RUNTIME]);
  });

  it('lists the files edited since the eject, keeps them, and changes nothing without --force', async () => {
    const files = await ejected();
    const edited = {
      ...files,
      [ERRORS]: `${files[ERRORS]}// ours\n`,
      '/src/lambda/ours.ts': 'export const ours = 1;\n',
    };
    const tree = projectTree(edited);

    await expect(
      runner.runSchematic('lambda-runtime', { toPackage: true }, tree),
    ).rejects.toThrow(
      'src/lambda/errors.ts, src/lambda/ours.ts changed since the eject; nothing was changed. Keep your changes elsewhere, or pass --force to drop them (create-nest-lambda add lambda-runtime --to-package --force).',
    );
    expect(contentsOf(tree)).toEqual(edited);
  });

  it('with --force, drops edited files too', async () => {
    const files = await ejected();
    const edited = { ...files, [ERRORS]: `${files[ERRORS]}// ours\n` };
    const tree = await run({ toPackage: true, force: true }, edited);
    expect(tree.files.filter((p) => p.startsWith('/src/lambda/'))).toEqual([]);
  });

  it('refuses a service importing a runtime file other than index, naming it', async () => {
    const files = await ejected();
    const deep = {
      ...files,
      '/src/deep.ts':
        "export { LambdaLogger } from './lambda/logger/lambda.logger.js';\n",
    };
    const tree = projectTree(deep);
    await expect(
      runner.runSchematic('lambda-runtime', { toPackage: true }, tree),
    ).rejects.toThrow(
      'src/deep.ts imports a file of src/lambda/ other than index.ts',
    );
    expect(contentsOf(tree)).toEqual(deep);
  });

  it('goes back to the package when a kit path appears only in a comment or a string, and refuses a dynamic import of one', async () => {
    const files = await ejected();
    const mentions = {
      ...files,
      '/src/notes.ts':
        "// Was './lambda/logger/lambda.logger.js' before the eject.\nexport const path = './lambda/errors.js';\n",
    };
    const back = await run({ toPackage: true }, mentions);
    expect(back.files.filter((p) => p.startsWith('/src/lambda/'))).toEqual([]);

    const dynamic = {
      ...files,
      '/src/lazy.ts':
        "export const load = () => import('./lambda/errors.js');\n",
    };
    await expect(
      runner.runSchematic(
        'lambda-runtime',
        { toPackage: true },
        projectTree(dynamic),
      ),
    ).rejects.toThrow(
      'src/lazy.ts imports a file of src/lambda/ other than index.ts',
    );
  });

  it('refuses a service that was never ejected', async () => {
    const tree = projectTree(service());
    await expect(
      runner.runSchematic('lambda-runtime', { toPackage: true }, tree),
    ).rejects.toThrow(
      `no ejected runtime in src/lambda/: the service already uses ${RUNTIME}.`,
    );
  });
});

describe('planKitUpdate', () => {
  const manifest = (files: Record<string, string>): KitManifest => ({
    generatorVersion: '0.0.1',
    files: Object.fromEntries(
      Object.entries(files).map(([path, content]) => [path, hashOf(content)]),
    ),
  });

  it('sorts every file into exactly one bucket', () => {
    const generated = { a: '1', b: '1', c: '1', d: '1', e: '1' };
    const current = new Map(
      Object.entries({
        a: '1',
        b: '1',
        c: 'mine',
        d: '1',
        e: 'mine',
        own: 'x',
      }),
    );
    const latest = new Map(Object.entries({ a: '1', b: '2', c: '2', f: '2' }));

    expect(planKitUpdate(current, latest, manifest(generated))).toEqual({
      create: ['f'],
      update: ['b'],
      remove: ['d'],
      unchanged: ['a'],
      edited: ['c', 'e'],
    });
  });
});
