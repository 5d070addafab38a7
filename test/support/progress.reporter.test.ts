import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportedHookContext, TestCase, TestModule } from 'vitest/node';
import ProgressReporter from './progress.reporter.js';

const module = {
  type: 'module',
  moduleId: `${process.cwd()}/test/e2e/scaffold.e2e.ts`,
} as unknown as TestModule;
const test = {
  name: 'synthesizes',
  result: () => ({ state: 'passed' }),
} as unknown as TestCase;

describe('the end-to-end progress reporter', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('says what starts and ends, and every 30 s what is still running', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const reporter = new ProgressReporter();

    reporter.onTestRunStart();
    reporter.onTestModuleStart(module);
    const setup = { name: 'beforeAll', entity: module } as ReportedHookContext;
    reporter.onHookStart(setup);
    vi.advanceTimersByTime(61_000);
    reporter.onHookEnd(setup);
    reporter.onTestCaseReady(test);
    vi.advanceTimersByTime(2_000);
    reporter.onTestCaseResult(test);
    reporter.onTestRunEnd();

    expect(lines).toEqual([
      '[e2e 0 s] test/e2e/scaffold.e2e.ts\n',
      '[e2e 0 s]   setting up test/e2e/scaffold.e2e.ts...\n',
      '[e2e 30 s]   … still setting up test/e2e/scaffold.e2e.ts (30 s)\n',
      '[e2e 60 s]   … still setting up test/e2e/scaffold.e2e.ts (60 s)\n',
      '[e2e 61 s]   setting up test/e2e/scaffold.e2e.ts: done, 61 s\n',
      '[e2e 61 s]   running "synthesizes"...\n',
      '[e2e 63 s]   running "synthesizes": passed, 2 s\n',
    ]);
  });
});
