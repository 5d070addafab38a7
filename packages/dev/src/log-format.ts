import { styleText } from 'node:util';

/** How the server prints: `pretty` for a person at a terminal, `json` to keep the logs as Lambda writes them. */
export type LogFormat = 'pretty' | 'json';

/** The `--logs` values. */
export const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

type Style = Parameters<typeof styleText>[0];

// What every Powertools line carries and a person at a terminal does not need to read each time.
const NOISE = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
  'context',
  'error',
]);

const LEVEL_STYLE: Record<string, Style> = {
  CRITICAL: ['bold', 'red'],
  ERROR: 'red',
  WARN: 'yellow',
  INFO: 'green',
  DEBUG: 'gray',
  TRACE: 'gray',
};

const text = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);

interface ErrorAttribute {
  name?: string;
  message?: string;
  stack?: string;
}

/** Formats the server's own lines and its functions' output, coloured or not. */
export class LogFormatter {
  private readonly width: number;

  constructor(
    readonly format: LogFormat,
    private readonly colors: boolean,
    functionNames: readonly string[],
  ) {
    this.width = Math.max(0, ...functionNames.map((name) => name.length));
  }

  /** `GET /orders?x=1 → api 200 12 ms`, the status coloured by its class. */
  request(
    method: string,
    path: string,
    fn: string,
    status: number,
    ms: number,
  ): string {
    const style: Style =
      status >= 500
        ? 'red'
        : status >= 400
          ? 'yellow'
          : status >= 300
            ? 'cyan'
            : 'green';
    return `${this.style('bold', method)} ${path} → ${this.style('cyan', fn)} ${this.style(style, String(status))} ${ms} ms`;
  }

  /** A line of the server's own (compile results, the list of functions). */
  notice(line: string, style?: Style): string {
    return style ? this.style(style, line) : line;
  }

  /**
   * A line a function wrote. In `json` format it stays as written; in `pretty` format a JSON log
   * line becomes `api INFO [Context] message key=value`, its error's stack below it, and any other
   * line gets the function's name in front.
   */
  functionLine(fn: string, line: string, stream: 'stdout' | 'stderr'): string {
    if (this.format === 'json') return line;
    const prefix = this.style('magenta', fn.padEnd(this.width));
    const entry = parseLogLine(line);
    if (!entry)
      return `${prefix} ${stream === 'stderr' ? this.style('red', line) : line}`;
    const level = text(entry['level']).toUpperCase();
    const context =
      typeof entry['context'] === 'string'
        ? `${this.style('yellow', `[${entry['context']}]`)} `
        : '';
    const rest = Object.entries(entry)
      .filter(([key]) => !NOISE.has(key))
      .map(([key, value]) => this.style('gray', `${key}=${text(value)}`));
    const error = entry['error'] as ErrorAttribute | string | undefined;
    const stack =
      typeof error === 'string'
        ? error
        : (error?.stack ??
          (error?.message ? `${error.name ?? 'Error'}: ${error.message}` : ''));
    const head = [
      `${prefix} ${this.style(LEVEL_STYLE[level] ?? 'white', level.padEnd(5))} ${context}${text(entry['message'])}`,
      ...rest,
    ].join(' ');
    return stack
      ? `${head}\n${this.style('red', stack.replace(/^/gm, '    '))}`
      : head;
  }

  private style(style: Style, text: string): string {
    return this.colors
      ? styleText(style, text, { validateStream: false })
      : text;
  }
}

/** A Powertools (or any) JSON log line: an object with a level and a message; else undefined. */
export function parseLogLine(
  line: string,
): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' &&
      value !== null &&
      'level' in value &&
      'message' in value
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
