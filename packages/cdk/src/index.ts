export { NestFunction } from './nest-function.construct.js';
export type { NestFunctionProps } from './nest-function.construct.js';
export {
  CJS_SHIMS,
  externalModules,
  NEST_OPTIONAL_PACKAGES,
  PLATFORM_EXPRESS,
} from './bundling.js';
export {
  IDEMPOTENCY_TABLE_ENV,
  idempotencyTableOf,
} from './idempotency-table.js';
export { readService } from './service-root.js';
export type { ServiceManifest } from './service-root.js';
export { functionBuildOptions } from './function-build.js';
export type { FunctionBuild } from './function-build.js';
export { bundleFunction, functionPlugins } from './bundle-function.js';
export { builtinsWithoutFacade } from './builtins-without-facade.plugin.js';
export { lazyNestDateFormat } from './lazy-nest-date-format.plugin.js';
export {
  NEST_VALIDATION_IMPORTS,
  narrowValidationImports,
} from './narrow-validation.plugin.js';
export {
  POWERTOOLS_FEATURES,
  powertoolsOff,
} from './powertools-features.plugin.js';
export type { PowertoolsFeature } from './powertools-features.plugin.js';
