import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type {
  LogAttributes,
  LogLevel as PowertoolsLogLevel,
} from '@aws-lambda-powertools/logger/types';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { InvocationContext } from '../invocation-context.js';
import {
  sourceMappedStack,
  withSourceMappedStack,
} from './source-mapped-stack.js';

type Method = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'critical';

// Nest levels from the most to the least verbose, with the Powertools level that shows them.
const LEVELS: ReadonlyArray<[LogLevel, PowertoolsLogLevel]> = [
  ['verbose', 'TRACE'],
  ['debug', 'DEBUG'],
  ['log', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['fatal', 'CRITICAL'],
];

// Nest's own loggers whose `log` lines only narrate startup ("AppModule dependencies initialized",
// "Mapped {/orders, GET} route"): every cold start writes them, a few lines per module and route,
// to CloudWatch Logs. They are written at DEBUG (POWERTOOLS_LOG_LEVEL=DEBUG shows them).
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

// Keys Powertools owns; it drops them (with a warning) from extra attributes.
const RESERVED = new Set([
  'level',
  'message',
  'sampling_rate',
  'service',
  'timestamp',
]);

/**
 * Nest's `LoggerService` on top of the Powertools logger: one JSON object per line, stamped with
 * the request id, the function name and `cold_start` of the current invocation (read from
 * {@link InvocationContext}, so it stays right when invocations run concurrently), and with the
 * Nest context (`RouterExplorer`, your class name) as `context`. `createHandler` makes it the app's
 * logger unless its `logger` option says otherwise; `new Logger(MyService.name)` then logs here.
 *
 * @example
 * ```ts
 * private readonly logger = new Logger(OrdersService.name);
 * this.logger.log('order stored');
 * // {"level":"INFO","message":"order stored","cold_start":true,"function_request_id":"c6af9ac6-...","context":"OrdersService",...}
 * ```
 */
export class LambdaLogger implements LoggerService {
  constructor(
    private readonly invocation: InvocationContext,
    private readonly powertools: PowertoolsLogger = new PowertoolsLogger(),
  ) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('critical', message, params);
  }

  /** Nest passes the enabled levels; Powertools has a threshold, the least severe of them. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = LEVELS.find(([nest]) => levels.includes(nest));
    this.powertools.setLogLevel(lowest ? lowest[1] : 'SILENT');
  }

  private write(method: Method, message: unknown, params: unknown[]): void {
    // Nest appends the logger's context (a class name) as the last string argument.
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
    const level =
      method === 'info' && NEST_STARTUP_CONTEXTS.has(context ?? '')
        ? 'debug'
        : method;
    const attributes: LogAttributes = {
      cold_start: this.invocation.coldStart,
      function_name: this.invocation.functionName,
      function_request_id: this.invocation.requestId,
      context,
    };
    let text: string;
    if (message instanceof Error) {
      text = message.message;
      attributes.error = withSourceMappedStack(message);
    } else if (isPlainObject(message)) {
      text = typeof message.message === 'string' ? message.message : '';
      copyAttributes(message, attributes);
    } else {
      text = String(message);
    }
    for (const param of params) {
      if (param instanceof Error) {
        attributes.error = withSourceMappedStack(param);
      } else if (typeof param === 'string') {
        // `logger.error(message, stack)`: the stack Nest passes as a string.
        attributes.stack = sourceMappedStack(param);
      } else if (isPlainObject(param)) {
        copyAttributes(param, attributes);
      }
    }
    this.powertools[level](text, attributes);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copyAttributes(
  source: Record<string, unknown>,
  target: LogAttributes,
): void {
  for (const [key, value] of Object.entries(source)) {
    if (!RESERVED.has(key)) {
      target[key] = value as LogAttributes[string];
    }
  }
}
