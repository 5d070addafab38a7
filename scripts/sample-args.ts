/**
 * What `npm run sample` asks the CLI for: the default service in sample/orders-service, replacing
 * the one an earlier run made (`--force`; the sample is generated, never edited by hand).
 */
export const SAMPLE_ARGS = [
  'orders-service',
  '--yes',
  '--skip-git',
  '--force',
  '--directory',
  'sample/orders-service',
] as const;
