import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

// What `npm publish` would ship, as `npm pack --dry-run` lists it (after `npm run build`): users get
// what they run and read, never our tests, benchmarks or build leftovers.

interface PackResult {
  name: string;
  files: { path: string }[];
}

function packedFiles(workspace?: string): { name: string; files: string[] } {
  const args = ['pack', '--dry-run', '--json', '--ignore-scripts'];
  if (workspace) args.push('--workspace', workspace);
  const [result] = JSON.parse(
    execFileSync('npm', args, { cwd: REPO_ROOT, encoding: 'utf8' }),
  ) as PackResult[];
  return {
    name: result!.name,
    files: result!.files.map((file) => file.path).sort(),
  };
}

/** The files of `files` that no pattern of `allowed` admits. */
const strays = (files: string[], allowed: RegExp[]) =>
  files.filter((file) => !allowed.some((pattern) => pattern.test(file)));

describe('published packages', () => {
  it('create-nest-lambda ships the CLI, the collection and the templates', () => {
    const { name, files } = packedFiles();
    expect(name).toBe('create-nest-lambda');
    expect(
      strays(files, [
        /^dist\/bin\/.+\.js$/,
        /^dist\/schematics\/.+\.(js|json)$/,
        /^templates\//,
        /^(README\.md|package\.json)$/,
      ]),
    ).toEqual([]);
    expect(files).toContain('dist/bin/create-nest-lambda.js');
    expect(files).toContain('dist/schematics/collection.json');
  });

  it('@create-nest-lambda/runtime ships its ESM build, declarations and sources (for source maps and eject)', () => {
    const { name, files } = packedFiles('packages/runtime');
    expect(name).toBe('@create-nest-lambda/runtime');
    expect(
      strays(files, [
        /^dist\/.+\.(js|d\.ts)(\.map)?$/,
        /^src\/.+\.ts$/,
        /^(README\.md|package\.json)$/,
      ]),
    ).toEqual([]);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/triggers/trigger-catalog.js');
  });

  it('@create-nest-lambda/cdk ships its ESM build and declarations', () => {
    const { name, files } = packedFiles('packages/cdk');
    expect(name).toBe('@create-nest-lambda/cdk');
    expect(
      strays(files, [
        /^dist\/.+\.(js|d\.ts)(\.map)?$/,
        /^(README\.md|package\.json)$/,
      ]),
    ).toEqual([]);
    expect(files).toContain('dist/index.js');
  });

  it('@create-nest-lambda/dev ships its ESM build (the dev server and nest-lambda-openapi)', () => {
    const { name, files } = packedFiles('packages/dev');
    expect(name).toBe('@create-nest-lambda/dev');
    expect(
      strays(files, [
        /^dist\/.+\.(js|d\.ts)(\.map)?$/,
        /^(README\.md|package\.json)$/,
      ]),
    ).toEqual([]);
    expect(files).toContain('dist/bin.js');
    expect(files).toContain('dist/openapi-bin.js');
  });

  it('releases the family under one version, and the generator depends on that runtime', () => {
    const read = (path: string) =>
      JSON.parse(
        execFileSync('node', ['-p', `JSON.stringify(require('./${path}'))`], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        }),
      ) as { version: string; dependencies?: Record<string, string> };
    const root = read('package.json');
    expect(read('packages/runtime/package.json').version).toBe(root.version);
    expect(read('packages/cdk/package.json').version).toBe(root.version);
    expect(read('packages/dev/package.json').version).toBe(root.version);
    expect(root.dependencies?.['@create-nest-lambda/runtime']).toBe(
      `^${root.version}`,
    );
  });
});
