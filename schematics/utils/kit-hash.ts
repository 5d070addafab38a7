import { createHash } from 'node:crypto';

/** `src/lambda/.kit-manifest.json`: what the generator wrote into the kit, file by file. */
export interface KitManifest {
  generatorVersion: string;
  /** Path inside `src/lambda/` → sha256 of its content. */
  files: Record<string, string>;
}

export function hashOf(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}
