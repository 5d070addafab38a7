import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

// Reads a V8 .cpuprofile (node --cpu-prof) of a worker running one bundle, maps the bundle's
// frames back to their sources with the bundle's source map, and says where the time went:
// self time by package or kit file, and self and inclusive time by function.
//
// Time is counted in samples, each worth the sampling interval, not from the samples' time
// deltas: on a loaded machine a descheduled process gets one sample with a long delta, which
// would be charged to whatever function happened to be running.

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface Cost {
  readonly key: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time by package (`@nestjs/core`), kit file (`kit lambda/…`), node or V8 bucket. */
  readonly byArea: readonly Cost[];
  readonly selfByFunction: readonly Cost[];
  /** Time with the function on the stack (each sample counted once per function). */
  readonly inclusiveByFunction: readonly Cost[];
}

interface Place {
  readonly area: string;
  readonly fn: string;
}

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/;

function placeOf(
  frame: CallFrame,
  bundleUrl: string,
  map: SourceMap | undefined,
): Place {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '')
    return { area: name.startsWith('(') ? name : 'V8 / native', fn: name };
  if (frame.url.startsWith('node:'))
    return { area: 'node internals', fn: `${name} ${frame.url}` };
  if (frame.url !== bundleUrl) {
    return {
      area: 'bench harness',
      fn: `${name} ${frame.url.split('/').slice(-2).join('/')}`,
    };
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
    | { originalSource?: string; originalLine?: number; name?: string }
    | undefined;
  const source = entry?.originalSource ?? 'bundle';
  const line = (entry?.originalLine ?? 0) + 1;
  const pkg = PACKAGE.exec(source);
  // A package whose own source maps point outside it (class-validator's and class-transformer's
  // `../../src/…`) shows up as `node_modules/src/…`; the path still names the package.
  if (pkg?.[1] === 'src') {
    return {
      area: 'class-validator/-transformer (src/…)',
      fn: `${name} (src/${pkg[2]}:${line})`,
    };
  }
  if (pkg)
    return { area: pkg[1]!, fn: `${name} (${pkg[1]}/${pkg[2]}:${line})` };
  const kit = /\/(lambda\/.*)$/.exec(source);
  if (kit) return { area: `kit ${kit[1]}`, fn: `${name} (${kit[1]}:${line})` };
  const local = source.split('/').slice(-2).join('/');
  return { area: `app ${local}`, fn: `${name} (${local}:${line})` };
}

export function summarizeProfile(
  profileFile: string,
  bundle: string,
  top = 25,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const bundleUrl = `file://${bundle}`;
  const mapFile = `${fileURLToPath(bundleUrl)}.map`;
  const map = existsSync(mapFile)
    ? new SourceMap(
        JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<
          typeof SourceMap
        >[0],
      )
    : undefined;

  const places = new Map<number, Place>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    places.set(node.id, placeOf(node.callFrame, bundleUrl, map));
    for (const child of node.children ?? []) parents.set(child, node.id);
  }

  const byArea = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const interval =
    (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const sorted = [...profile.timeDeltas].sort((a, b) => a - b);
  const ms = (sorted[sorted.length >> 1] ?? interval * 1000) / 1000;
  let total = 0;
  profile.samples.forEach((nodeId) => {
    total += ms;
    const place = places.get(nodeId)!;
    byArea.set(place.area, (byArea.get(place.area) ?? 0) + ms);
    self.set(place.fn, (self.get(place.fn) ?? 0) + ms);
    const seen = new Set<string>();
    for (
      let id: number | undefined = nodeId;
      id !== undefined;
      id = parents.get(id)
    ) {
      const fn = places.get(id)!.fn;
      if (!seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
      }
    }
  });

  const ranked = (costs: Map<string, number>, limit: number): Cost[] =>
    [...costs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, ms]) => ({ key, ms, share: ms / total }));
  return {
    totalMs: total,
    byArea: ranked(byArea, top),
    selfByFunction: ranked(self, top),
    inclusiveByFunction: ranked(inclusive, top * 2),
  };
}

export function formatSummary(title: string, summary: ProfileSummary): string {
  const list = (costs: readonly Cost[]) =>
    costs.map(
      (c) =>
        `  ${(c.share * 100).toFixed(1).padStart(5)} %  ${c.ms.toFixed(1).padStart(8)} ms  ${c.key}`,
    );
  return [
    `## ${title} (${summary.totalMs.toFixed(0)} ms sampled)`,
    '',
    'Self time by area:',
    ...list(summary.byArea),
    '',
    'Self time by function:',
    ...list(summary.selfByFunction),
    '',
    'Inclusive time by function:',
    ...list(summary.inclusiveByFunction),
    '',
  ].join('\n');
}
