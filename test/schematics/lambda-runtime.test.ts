import { describe, expect, it } from 'vitest';
import { planKitUpdate } from '../../schematics/lambda-runtime/kit-update-plan.js';
import { hashOf, type KitManifest } from '../../schematics/utils/kit-hash.js';
import {
  contentsOf,
  type Files,
  projectTree,
  useScaffoldedService,
} from './utils/service-tree.js';

const { service, run, runner } = useScaffoldedService('lambda-runtime', 'sqs');

const MANIFEST = '/src/lambda/.kit-manifest.json';
const ERRORS = '/src/lambda/errors.ts';

/** The service as an older generator would have left it: `errors.ts` as it was then. */
function withOlderKit(files: Files, errors: string): Files {
  const manifest = JSON.parse(files[MANIFEST]) as KitManifest;
  manifest.files['errors.ts'] = hashOf(errors);
  manifest.files['retired.ts'] = hashOf('export {};\n');
  return {
    ...files,
    [ERRORS]: errors,
    '/src/lambda/retired.ts': 'export {};\n',
    [MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
  };
}

describe('lambda-runtime', () => {
  it('changes nothing in a service whose kit is current', async () => {
    const tree = await run({}, service());

    expect(contentsOf(tree)).toEqual(service());
  });

  it('replaces unedited kit files, adds new ones, removes retired ones and rewrites the manifest', async () => {
    const older = withOlderKit(service(), 'export class Old {}\n');
    // constants.ts is missing, as if the kit had gained it since.
    const missingIndex = Object.fromEntries(
      Object.entries(older).filter(
        ([path]) => path !== '/src/lambda/constants.ts',
      ),
    );
    const tree = await run({}, missingIndex);

    expect(contentsOf(tree)).toEqual(service());
  });

  it('refuses to touch a kit file the user edited, and names --force', async () => {
    const edited = {
      ...service(),
      [ERRORS]: `${service()[ERRORS]}// ours\n`,
    };
    const tree = projectTree(edited);

    await expect(
      runner.runSchematic('lambda-runtime', {}, tree),
    ).rejects.toThrow(
      'src/lambda/errors.ts changed since they were generated; nothing was updated. Pass --force to replace them (create-nest-lambda add lambda-runtime --force).',
    );
    expect(contentsOf(tree)).toEqual(edited);
  });

  it('with --force, replaces edited files too, and the next run changes nothing', async () => {
    const edited = {
      ...service(),
      [ERRORS]: `${service()[ERRORS]}// ours\n`,
    };
    const tree = await run({ force: true }, edited);
    expect(contentsOf(tree)).toEqual(service());

    const again = await run({}, contentsOf(tree));
    expect(contentsOf(again)).toEqual(service());
  });

  it('leaves files the user added to src/lambda/ alone', async () => {
    const files = {
      ...service(),
      '/src/lambda/ours.ts': 'export const ours = 1;\n',
    };
    expect(contentsOf(await run({}, files))).toEqual(files);
  });

  it('treats every differing file as edited when there is no manifest', async () => {
    const { [MANIFEST]: _manifest, ...noManifest } = service();
    const files = { ...noManifest, [ERRORS]: 'export {};\n' };

    await expect(run({}, files)).rejects.toThrow(
      'src/lambda/errors.ts changed since they were generated',
    );
    expect(contentsOf(await run({}, noManifest))).toEqual(service());
  });

  it('refuses a project without a kit, naming init', async () => {
    const files = Object.fromEntries(
      Object.entries(service()).filter(
        ([path]) => !path.startsWith('/src/lambda/'),
      ),
    );
    await expect(run({}, files)).rejects.toThrow(
      'no runtime kit in src/lambda/; run create-nest-lambda init to add Lambda support first.',
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
