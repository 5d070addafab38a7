import {
  TRIGGER_CATALOG,
  TRIGGERS as RUNTIME_TRIGGERS,
  type Trigger as RuntimeTrigger,
} from '@create-nest-lambda/runtime/triggers';

// Every list below derives from the runtime's TRIGGER_CATALOG, the one definition of the triggers;
// the schema enums are checked against it by test/schematics/triggers.test.ts.

type Catalog = typeof TRIGGER_CATALOG;

/** A trigger the generator scaffolds. */
export type Trigger = {
  [T in RuntimeTrigger]: Catalog[T]['scaffold'] extends true ? T : never;
}[RuntimeTrigger];

/** A trigger `migrate --type` takes for a legacy handler. */
export type MigrateTrigger = {
  [T in RuntimeTrigger]: Catalog[T]['migrate'] extends true ? T : never;
}[RuntimeTrigger];

/** Every trigger the generator can scaffold, in the order users read them. */
export const TRIGGERS = RUNTIME_TRIGGERS.filter(
  (trigger): trigger is Trigger => TRIGGER_CATALOG[trigger].scaffold,
);

/** What each trigger gives a function, in a few words: the CLI's checkbox and `nest g`'s prompt show them. */
export const TRIGGER_DESCRIPTIONS = Object.fromEntries(
  TRIGGERS.map((trigger) => [trigger, TRIGGER_CATALOG[trigger].summary]),
) as Record<Trigger, string>;

/** Triggers that route to `@Controller` classes rather than to a `@LambdaHandler()` method. */
export const HTTP_TRIGGERS: readonly Trigger[] = TRIGGERS.filter(
  (trigger) => TRIGGER_CATALOG[trigger].kind === 'http',
);

/** Triggers a legacy handler can be migrated to. */
export const MIGRATE_TRIGGERS = RUNTIME_TRIGGERS.filter(
  (trigger): trigger is MigrateTrigger => TRIGGER_CATALOG[trigger].migrate,
);

export const DEFAULT_TRIGGERS: readonly Trigger[] = ['http-api', 'sqs'];

/** The function a new service gets for a trigger (`api`, `order-events`, ...). */
export function sampleName(trigger: Trigger): string {
  return TRIGGER_CATALOG[trigger].sampleName;
}

export function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}
