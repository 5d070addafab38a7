import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import type { BundleSource } from './built-function.js';
import { nestFunctionBuildOptions } from './esbuild-settings.js';

export interface BundleComposition {
  /** Size of the .mjs this rebuild gives: equal to the measured bundle when the settings match. */
  readonly bytes: number;
  /** Bytes in the output per package (`@nestjs/core`) or per local folder (`dist/lambda`). */
  readonly byPackage: readonly {
    readonly name: string;
    readonly bytes: number;
  }[];
}

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;

/** Bundles `source` again with the same settings and a metafile, in memory. */
export async function bundleComposition(
  source: BundleSource,
): Promise<BundleComposition> {
  const result = await build({
    ...nestFunctionBuildOptions({ ...source, outdir: tmpdir() }),
    write: false,
    metafile: true,
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) =>
    file.endsWith('.mjs'),
  );
  if (!output) throw new Error(`esbuild wrote no .mjs for ${source.entry}`);
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output[1].inputs)) {
    const name =
      PACKAGE.exec(input)?.[1] ??
      input.split('/').slice(0, -1).slice(-2).join('/');
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return {
    bytes: output[1].bytes,
    byPackage: [...byPackage]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
