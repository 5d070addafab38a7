import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Stack traces that point at the service's sources without `--enable-source-maps`, which parses a
// bundle's whole source map at every cold start (8 to 13 ms of it, see bench/README.md). Here the
// map beside a bundle (`index.mjs.map`, which NestFunction ships) is read the first time a logged
// stack has a frame in that bundle: errors pay for it, cold starts do not.

interface BundleMap {
  readonly map: SourceMap;
  /** Where the map's relative `sources` are resolved from. */
  readonly url: URL;
}

// One entry per file a frame named: its map, or null when it has none (or an unreadable one).
const maps = new Map<string, BundleMap | null>();

// `at name (file:///var/task/index.mjs:1:2345)` or `at file:///var/task/index.mjs:1:2345`.
const FRAME =
  /^(\s+at (?:.*? \()?)(file:\/\/\/[^\s)]+|\/[^\s):]+):(\d+):(\d+)(\)?)$/;

function mapOf(file: string): BundleMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      const path = file.startsWith('file:') ? fileURLToPath(file) : file;
      map = {
        map: new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))),
        url: pathToFileURL(`${path}.map`),
      };
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

function mapFrame(line: string): string {
  const frame = FRAME.exec(line);
  if (!frame) return line;
  const [, head, file, row, column, tail] = frame;
  const bundle = mapOf(file!);
  if (!bundle) return line;
  const origin = bundle.map.findOrigin(Number(row), Number(column));
  if (!('fileName' in origin)) return line;
  const source = fileURLToPath(new URL(origin.fileName, bundle.url));
  return `${head}${source}:${origin.lineNumber}:${origin.columnNumber}${tail}`;
}

/**
 * `stack` with each frame in a bundle that has a source map beside it pointing at the source.
 * Unchanged when Node maps stacks itself (`--enable-source-maps`) or no frame has a map.
 */
export function sourceMappedStack(stack: string): string {
  if (process.sourceMapsEnabled) return stack;
  return stack.split('\n').map(mapFrame).join('\n');
}

const mapped = new WeakSet<Error>();

/** `error` with its `stack` source-mapped (once per error), for the logger to print. */
export function withSourceMappedStack(error: Error): Error {
  if (!mapped.has(error) && typeof error.stack === 'string') {
    mapped.add(error);
    error.stack = sourceMappedStack(error.stack);
  }
  return error;
}
