import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Bytes of the .mjs Lambda loads, and gzipped (what the deployment zip roughly holds). */
export function bundleSize(bundle: string): {
  bytes: number;
  gzipBytes: number;
} {
  const code = readFileSync(bundle);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
