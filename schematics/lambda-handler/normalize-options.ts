import { SchematicsException } from '@angular-devkit/schematics';
import {
  generatedName,
  projectLayout,
  type ProjectLayout,
  specFileSuffix,
} from '../utils/generate-options.js';
import type { NameForms } from '../utils/names.js';
import {
  HTTP_TRIGGERS,
  isTrigger,
  TRIGGERS,
  type Trigger,
} from '../utils/triggers.js';
import type { LambdaHandlerOptions } from './lambda-handler.schema.js';

/**
 * SQS when `--type` is left out and no terminal can be asked (on one, schema.json's `x-prompt`
 * asks, with SQS in focus): a queue consumer is the function services add most often after their
 * HTTP API, the one the scaffold starts with beside it.
 */
export const DEFAULT_TYPE: Trigger = 'sqs';

/** The triggers whose template can render an `@Idempotent()` handler. */
export const IDEMPOTENT_TRIGGERS: readonly Trigger[] = ['sqs'];

export interface NormalizedLambdaHandlerOptions
  extends NameForms, ProjectLayout {
  trigger: Trigger;
  /** HTTP triggers get a controller; the others a `@LambdaHandler()` class. */
  http: boolean;
  /** The feature folder, e.g. `/src/payments`. */
  featureDir: string;
  spec: boolean;
  specFileSuffix: string;
  flat: boolean;
  skipImport: boolean;
  /** Replace the files of a function of the same name instead of refusing. */
  force: boolean;
  /** An `@Idempotent()` SQS handler with the service's idempotency table. */
  idempotency: boolean;
}

/** Validates and fills every option before any rule runs; pure. */
export function normalizeLambdaHandlerOptions(
  raw: LambdaHandlerOptions,
): NormalizedLambdaHandlerOptions {
  const forms = generatedName(raw.name, 'function');
  const layout = projectLayout(raw, 'lambda-handler');
  const trigger = raw.type ?? DEFAULT_TYPE;
  if (!isTrigger(trigger)) {
    throw new SchematicsException(
      `unknown trigger "${trigger}"; pass --type with one of: ${TRIGGERS.join(', ')}.`,
    );
  }
  const idempotency = raw.idempotency ?? false;
  if (idempotency && !IDEMPOTENT_TRIGGERS.includes(trigger)) {
    throw new SchematicsException(
      `--idempotency is for ${IDEMPOTENT_TRIGGERS.join(', ')} functions; add @Idempotent() to a ${trigger} handler by hand.`,
    );
  }
  return {
    ...forms,
    ...layout,
    trigger,
    http: HTTP_TRIGGERS.includes(trigger),
    featureDir: `${layout.sourceRoot}/${forms.name}`,
    spec: raw.spec ?? true,
    specFileSuffix: specFileSuffix(raw.specFileSuffix),
    flat: raw.flat ?? false,
    skipImport: raw.skipImport ?? false,
    force: raw.force ?? false,
    idempotency,
  };
}
