import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldedFiles, type Files } from './utils/service-tree.js';

// The rendered `<fn>.cors.ts` of each HTTP trigger, loaded as the construct (at `cdk synth`), the
// entry (at init) and the dev server load it: from a folder that resolves this checkout's
// @create-nest-lambda/runtime (its dist/: build it first), with a policy written in.
const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'cors-policy-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files: Files;
beforeAll(async () => {
  files = await scaffoldedFiles('http-api,rest-api,function-url,alb');
}, 120_000);

const DEFAULT = /corsPolicy\(\s*'(?<name>[a-z-]+)',\s*undefined,?\s*\)/;

/** Loads the rendered cors file of `name` with `policy` in place of its `undefined`. */
async function load(name: string, policy: string): Promise<unknown> {
  const source = files[`/src/functions/${name}.cors.ts`]!;
  expect(source).toMatch(DEFAULT);
  const file = join(
    dir,
    `${name}-${Math.random().toString(36).slice(2)}.cors.ts`,
  );
  writeFileSync(
    file,
    source.replace(DEFAULT, `corsPolicy('$<name>', ${policy})`),
  );
  const module = (await import(pathToFileURL(file).href)) as { CORS: unknown };
  return module.CORS;
}

/**
 * Writes the scaffolded service to a folder of its own with `name`'s policy replaced by `policy`,
 * and loads that function's construct, as `cdk synth` loads the stack.
 */
async function loadConstruct(name: string, policy: string): Promise<unknown> {
  const root = mkdtempSync(join(dir, `${name}-service-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      path === `/src/functions/${name}.cors.ts`
        ? text.replace(DEFAULT, `corsPolicy('$<name>', ${policy})`)
        : text,
    );
  }
  return import(
    pathToFileURL(join(root, 'infra', 'functions', `${name}.construct.ts`)).href
  );
}

// The sample service's HTTP functions, one per trigger (the trigger as its entry names it).
const FUNCTIONS = ['api', 'partner-api', 'webhooks', 'storefront'];
const triggerOf = (name: string) =>
  /trigger: '([a-z-]+)'/.exec(
    files[`/src/functions/${name}.function.ts`]!,
  )?.[1];

describe('the generated CORS policy file', () => {
  it('is rendered for a function of each HTTP trigger', () => {
    expect(FUNCTIONS.map(triggerOf)).toEqual([
      'http-api',
      'rest-api',
      'function-url',
      'alb',
    ]);
  });

  it.each(FUNCTIONS)('%s: exports no policy by default', async (name) => {
    expect(await load(name, 'undefined')).toBeUndefined();
  });

  it.each(FUNCTIONS)('%s: exports a sound policy as written', async (name) => {
    const policy = {
      allowOrigins: ['https://app.example.com'],
      allowMethods: ['GET'],
      allowHeaders: ['content-type'],
      maxAgeSeconds: 600,
    };
    expect(await load(name, JSON.stringify(policy))).toEqual(policy);
  });

  it.each(FUNCTIONS)(
    '%s: fails to load, in one line naming the file, the field and the fix, with a wrong policy',
    async (name) => {
      const policy = `{
        allowOrigins: ['https://app.example.com/'],
        allowMethods: ['GET'],
        allowHeaders: [],
      }`;
      const message = `The CORS policy of the ${name} function (src/functions/${name}.cors.ts): allowOrigins has "https://app.example.com/", which is not an origin: write "https://app.example.com" (scheme://host[:port], no path and no trailing slash).`;
      await expect(load(name, policy)).rejects.toThrow(message);
      // Its construct loads the policy too (an ALB's only to check it): cdk synth fails alike.
      await expect(loadConstruct(name, policy)).rejects.toThrow(message);
    },
  );
});
