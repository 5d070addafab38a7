import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** The files of `@nestjs/common` that build a date formatter when they are evaluated. */
export const NEST_DATE_FORMAT_FILES =
  /[\\/]node_modules[\\/]@nestjs[\\/]common[\\/]services[\\/](console-logger|logger)\.service\.js$/;

const EAGER_FORMATTER =
  /^const dateTimeFormatter = new Intl\.DateTimeFormat\(([^;]*?)\);$/m;

/**
 * `dateTimeFormatter` of a Nest logger file, built on its first use instead of when the file is
 * evaluated; `undefined` when the file does not build one the way this expects (another Nest
 * version), which leaves the file as it is.
 */
export function lazyDateFormat(source: string): string | undefined {
  const eager = EAGER_FORMATTER.exec(source);
  if (!eager) return undefined;
  const lazy = [
    'let dateTimeFormatterInstance;',
    'const dateTimeFormatter = {',
    `  format: (date) => (dateTimeFormatterInstance ??= new Intl.DateTimeFormat(${eager[1]})).format(date),`,
    '};',
  ].join('\n');
  return source.replace(eager[0], () => lazy);
}

/**
 * Nest's `Logger` and `ConsoleLogger` each build an `Intl.DateTimeFormat` when their file is
 * evaluated, and the first one in a process loads ICU's locale and time zone data: about 28 ms of
 * every cold start on an idle machine, spent before any code of the function runs. The functions
 * log through the runtime's `LambdaLogger`, which never calls it, so the formatter is built on its
 * first use instead. A unit test fails when a Nest upgrade changes the statement this rewrites.
 */
export function lazyNestDateFormat(): Plugin {
  return {
    name: 'lazy-nest-date-format',
    setup(build) {
      build.onLoad({ filter: NEST_DATE_FORMAT_FILES }, async (args) => {
        const lazy = lazyDateFormat(await readFile(args.path, 'utf8'));
        return lazy === undefined
          ? undefined
          : { contents: lazy, loader: 'js' };
      });
    },
  };
}
