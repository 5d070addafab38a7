// `npm run bench`: the runtime kit's functions against the baselines, on the same handler logic
// and the same events, all measured in this one run. See bench/README.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { type BenchConfig, readConfig } from './bench.config.js';
import { buildBaselines } from './bundle/build-baselines.js';
import {
  type BundleComposition,
  bundleComposition,
} from './bundle/bundle-composition.js';
import type { BuiltFunction } from './bundle/built-function.js';
import { bundleSize } from './measure/bundle-size.js';
import { type DevLoopFigures, measureDevLoop } from './measure/dev-loop.js';
import { featuresMarkdown, featuresText } from './features/features-report.js';
import {
  type FeaturesOutcome,
  measureFeatures,
} from './features/measure-features.js';
import { measureColdStarts } from './measure/cold-start.js';
import { measureGenerator } from './measure/generator.js';
import { measureHeap, measureWarm } from './measure/warm.js';
import { REPO_ROOT, RESULTS_DIR, SERVICE_DIR, WORK_DIR } from './paths.js';
import { toText } from './report/console.js';
import { devLoopLines } from './report/dev-loop.js';
import type {
  BenchResults,
  FunctionFigures,
  GeneratorFigures,
  HeapFigures,
} from './report/figures.js';
import {
  describeMachine,
  gitCommit,
  load,
  packageVersions,
} from './report/machine.js';
import { toMarkdown } from './report/markdown.js';
import { checkTargets } from './report/targets.js';
import { profileFunctions } from './profile/profile-functions.js';
import { KIT_SCENARIOS, SCENARIOS } from './scenarios.js';
import { buildService } from './service/build-service.js';
import { writeBenchFiles } from './service/bench-files.js';
import { LAMBDA_RUNTIME, generateService } from './service/generate-service.js';

const started = performance.now();
const log = (message: string) =>
  console.log(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`,
  );

async function main(config: BenchConfig, bundlesDir: string): Promise<void> {
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const loadStart = load();
  const missing: { id: string; reason: string }[] = [];
  const warnings: string[] = [];
  let generator: GeneratorFigures = { notes: [] };
  let devLoop: DevLoopFigures | undefined;
  const target = LAMBDA_RUNTIME.replace(/^nodejs(\d+)\.x$/, 'node$1');

  log(`${config.quick ? 'quick run' : 'full run'}; bundles in ${bundlesDir}`);
  log('bundling the baselines (plain, seed, express)');
  const built: BuiltFunction[] = await buildBaselines(bundlesDir, target);

  try {
    log(
      'generating the sample service with the CLI (npm install unless the last one fits)',
    );
    const service = await generateService();
    if (service.installMs)
      log(`installed in ${(service.installMs / 1000).toFixed(0)} s`);
    log('timing the generator (scaffold, nest g lambda-handler)');
    generator = await measureGenerator(service.dir, config.scaffoldRuns);
    writeBenchFiles(service.dir);
    log('building the kit functions: nest build, then cdk synth');
    const kit = await buildService(service.dir, bundlesDir, target);
    log(
      `nest build ${(kit.nestBuildMs / 1000).toFixed(0)} s, cdk synth ${(kit.synthMs / 1000).toFixed(0)} s`,
    );
    built.push(...kit.functions);
    log('dev loop: nest-lambda-dev, save to response and one request');
    try {
      devLoop = await measureDevLoop(
        service.dir,
        config.quick ? { edits: 2, requests: 50 } : { edits: 7, requests: 500 },
      );
    } catch (error) {
      warnings.push(
        `the dev loop could not be measured: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  } catch (error) {
    const output = stripVTControlCharacters((error as Error).message);
    log(
      `the kit's functions could not be built:\n${output.split('\n').slice(0, 20).join('\n')}`,
    );
    // The failed command, then the first line that names an error, for the report.
    const lines = output.split('\n');
    const cause = lines
      .slice(1)
      .find((line) => /error/i.test(line))
      ?.trim();
    const reason = cause ? `${lines[0]}: ${cause}` : lines[0]!;
    for (const scenario of KIT_SCENARIOS)
      missing.push({ id: scenario.id, reason });
  }

  const functions = SCENARIOS.flatMap((s) =>
    built.filter((fn) => fn.scenario.id === s.id),
  );
  const compositions = new Map<string, BundleComposition>();
  for (const fn of functions) {
    const composition = await bundleComposition(fn.source);
    compositions.set(fn.scenario.id, composition);
    const bytes = bundleSize(fn.bundle).bytes;
    if (composition.bytes !== bytes) {
      warnings.push(
        `${fn.scenario.id}: bundling with the bench's esbuild settings gives ${composition.bytes} bytes, ` +
          `the measured bundle has ${bytes}: the settings differ from the construct's`,
      );
    }
  }
  log(`cold starts: ${config.coldStartRuns} counted processes per function`);
  const cold = await measureColdStarts(
    functions,
    config,
    bundlesDir,
    (done, total) => log(`cold starts: round ${done}/${total}`),
  );
  log('warm invocations');
  const warm = await measureWarm(functions, config, (label) =>
    log(`warm: ${label}`),
  );
  const heaps = new Map<string, HeapFigures & { wrong?: string }>();
  for (const fn of functions) {
    log(
      `heap: ${fn.scenario.id}, ${config.heapInvocations.toLocaleString('en-US')} invocations`,
    );
    heaps.set(fn.scenario.id, await measureHeap(fn, config));
  }

  let features: FeaturesOutcome | undefined;
  try {
    log('features: idempotency, metrics and tracing, on and off');
    features = await measureFeatures(config, bundlesDir, target, log);
  } catch (error) {
    warnings.push(
      `the features bench failed: ${(error as Error).message.split('\n')[0]}`,
    );
  }

  const figures: FunctionFigures[] = functions.map((fn) => {
    const { id } = fn.scenario;
    const { wrong: heapWrong, ...heap } = heaps.get(id)!;
    const wrong = cold.wrong.get(id) ?? warm.wrong.get(id) ?? heapWrong;
    const size = bundleSize(fn.bundle);
    const coldStart = cold.figures.get(id);
    return {
      id,
      label: fn.scenario.label,
      family: fn.scenario.family,
      trigger: fn.scenario.trigger,
      bundleBytes: size.bytes,
      bundleGzipBytes: size.gzipBytes,
      bundleByPackage: compositions.get(id)?.byPackage.slice(0, 15) ?? [],
      ...(coldStart ? { coldStart } : {}),
      warmUs: warm.figures.get(id) ?? {},
      warmWallUs: warm.wallFigures.get(id) ?? {},
      heap,
      ...(wrong ? { wrong } : {}),
    };
  });

  const results: BenchResults & { devLoop?: DevLoopFigures } = {
    date: new Date().toISOString(),
    quick: config.quick,
    machine: describeMachine(config.node),
    load: { start: loadStart, end: load() },
    commit: gitCommit(REPO_ROOT),
    versions: packageVersions({ repo: REPO_ROOT, service: SERVICE_DIR }, [
      '@nestjs/core',
      '@nestjs/common',
      'class-validator',
      'class-transformer',
      'esbuild',
      'aws-cdk-lib',
      'express',
      '@codegenie/serverless-express',
    ]),
    functions: figures,
    generator,
    missing,
    warnings,
    ...(devLoop && { devLoop }),
  };
  const checks = checkTargets(figures);
  writeFileSync(
    join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ ...results, targets: checks, features }, null, 2)}\n`,
  );
  const devLoopText = devLoopLines(devLoop);
  writeFileSync(
    join(RESULTS_DIR, 'latest.md'),
    [
      `${toMarkdown(results, checks)}${devLoopText.map((line) => `\n- ${line}`).join('')}`,
      ...(features ? [featuresMarkdown(features)] : []),
    ].join('\n'),
  );
  console.log(
    `\n${[
      [toText(results, checks), ...devLoopText].join('\n'),
      ...(features ? [featuresText(features)] : []),
    ].join('\n\n')}\n`,
  );
  log(`wrote bench/results/latest.json and bench/results/latest.md`);

  if (config.profile) {
    log('profiling the kit and seed functions with --cpu-prof');
    const profiled = functions.filter(
      (fn) => fn.scenario.family === 'kit' || fn.scenario.family === 'seed',
    );
    const summary = await profileFunctions(profiled, config, (m) => log(m));
    log(`wrote ${summary} and the .cpuprofile files beside it`);
  }
  const wrong = [...figures, ...(features?.variants ?? [])].filter(
    (fn) => fn.wrong,
  );
  if (wrong.length > 0 || missing.length > 0) {
    for (const fn of wrong)
      console.error(`error: ${fn.id} gave a wrong result: ${fn.wrong}`);
    process.exitCode = 1;
  }
}

let config: BenchConfig;
try {
  config = readConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exit(2);
}
// Bundles run from a folder outside the repository, so none can resolve a package from disk.
const bundlesDir = mkdtempSync(join(tmpdir(), 'cnl-bench-'));
try {
  await main(config, bundlesDir);
} finally {
  rmSync(bundlesDir, { recursive: true, force: true });
}
