import { relative } from 'node:path';
import type {
  ReportedHookContext,
  Reporter,
  TestCase,
  TestModule,
} from 'vitest/node';

const HEARTBEAT_MS = 30_000;

/**
 * A line per step of the end-to-end tests, as it happens: each file, its setup (`beforeAll`, where
 * a service is generated and installed), each test, with how long each took, and every 30 s a line
 * naming what is still running. Vitest's own reporters say nothing until a test ends, and one
 * end-to-end step (an install, a synth) takes minutes.
 */
export default class ProgressReporter implements Reporter {
  private readonly started = Date.now();
  private readonly running = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | undefined;

  onTestRunStart(): void {
    this.heartbeat = setInterval(() => {
      for (const [step, since] of this.running)
        this.say(`  … still ${step} (${seconds(since)})`);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onTestRunEnd(): void {
    clearInterval(this.heartbeat);
  }

  onTestModuleStart(module: TestModule): void {
    this.say(relative(process.cwd(), module.moduleId));
  }

  onHookStart(hook: ReportedHookContext): void {
    if (hook.name === 'beforeAll') this.begin(`setting up ${nameOf(hook)}`);
  }

  onHookEnd(hook: ReportedHookContext): void {
    if (hook.name === 'beforeAll') this.end(`setting up ${nameOf(hook)}`, '');
  }

  onTestCaseReady(test: TestCase): void {
    this.begin(`running "${test.name}"`);
  }

  onTestCaseResult(test: TestCase): void {
    this.end(`running "${test.name}"`, test.result().state);
  }

  private begin(step: string): void {
    this.running.set(step, Date.now());
    this.say(`  ${step}...`);
  }

  private end(step: string, state: string): void {
    const since = this.running.get(step) ?? Date.now();
    this.running.delete(step);
    this.say(`  ${step}: ${state ? `${state}, ` : 'done, '}${seconds(since)}`);
  }

  private say(line: string): void {
    process.stderr.write(`[e2e ${seconds(this.started)}] ${line}\n`);
  }
}

function nameOf(hook: ReportedHookContext): string {
  return hook.entity.type === 'module'
    ? relative(process.cwd(), hook.entity.moduleId)
    : `"${hook.entity.name}"`;
}

function seconds(since: number): string {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}
