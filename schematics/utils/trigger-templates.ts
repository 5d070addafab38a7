import { HTTP_TRIGGERS, type Trigger } from './triggers.js';

/** Triggers whose handler takes a JSON message validated against a DTO (`dto/<name>.message.ts`). */
const MESSAGE_TRIGGERS: readonly Trigger[] = [
  'sqs',
  'sqs-fifo',
  'sns',
  'kinesis',
];

/** The two SQS triggers: their handlers differ, their handler's spec does not. */
const SQS_TRIGGERS: readonly Trigger[] = ['sqs', 'sqs-fifo'];

/**
 * The `templates/` folders a trigger's function is rendered from, most general first: `_shared`
 * (what every trigger gets: the feature module of a handler), `_http` (the controller, service,
 * their module and the entry the HTTP triggers share), `_message` (the message DTO of the triggers
 * that carry one), `_sqs` (what both SQS triggers share), then the trigger's own folder. A file in
 * a later folder replaces the one of the same path in an earlier folder, so a file the triggers
 * have in common is written once, not once a trigger.
 */
export function triggerTemplates(trigger: Trigger): readonly string[] {
  return [
    'triggers/_shared',
    ...(HTTP_TRIGGERS.includes(trigger) ? ['triggers/_http'] : []),
    ...(MESSAGE_TRIGGERS.includes(trigger) ? ['triggers/_message'] : []),
    ...(SQS_TRIGGERS.includes(trigger) ? ['triggers/_sqs'] : []),
    `triggers/${trigger}`,
  ];
}

/**
 * Whether a template file is part of what a function's construct needs: `infra/`, and the CORS
 * policy (`src/functions/<name>.cors.ts`) that the construct shares with the function. A sample
 * or lambda-init, which bring their own entry, take these files from the trigger's templates.
 */
export function isConstructFile(path: string): boolean {
  return (
    path.startsWith('/infra/') ||
    /^\/src\/functions\/[^/]+\.cors\.ts(\.ejs)?$/.test(path)
  );
}
