/**
 * A verdaccio configuration for this checkout's packages: the family's names are served only from
 * what is published to it (never proxied), everything else comes through from `upstream`, the
 * registry npm is configured with on this machine. Anyone may publish: it listens on 127.0.0.1 only.
 */
export function verdaccioConfig(storage: string, upstream: string): string {
  return [
    `storage: ${JSON.stringify(storage)}`,
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 120s',
    '    maxage: 30m',
    'packages:',
    "  '@create-nest-lambda/*':",
    '    access: $all',
    '    publish: $all',
    "  'create-nest-lambda':",
    '    access: $all',
    '    publish: $all',
    "  '**':",
    '    access: $all',
    '    proxy: upstream',
    'max_body_size: 100mb',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}
