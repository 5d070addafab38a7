import { vi } from 'vitest';

/** One CloudWatch embedded-metric-format line, as Powertools' Metrics prints it. */
export interface EmfLine {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: ReadonlyArray<{
      readonly Namespace: string;
      readonly Dimensions: string[][];
      readonly Metrics: ReadonlyArray<{ Name: string; Unit: string }>;
    }>;
  };
  readonly [field: string]: unknown;
}

/** Records the EMF lines written to stdout (Metrics writes there through its own Console). */
export function captureEmf() {
  const lines: EmfLine[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      const emf = text
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes('"_aws"'));
      if (emf.length === 0) return write(chunk, ...(rest as []));
      for (const line of emf) lines.push(JSON.parse(line) as EmfLine);
      return true;
    });
  return { lines, restore: () => spy.mockRestore() };
}

/** Sets environment variables until the returned function puts the previous values back. */
export function withEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(
    Object.keys(values).map((key) => [key, process.env[key]]),
  );
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
