import type { NameForms } from '../utils/names.js';
import { toNameForms } from '../utils/names.js';
import type { Trigger } from '../utils/triggers.js';

/** One function of a freshly scaffolded service, and the feature modules it brings. */
export interface ScaffoldFunction extends NameForms {
  trigger: Trigger;
  /** A hand-written sample in `templates/samples/<trigger>/` replaces the generic trigger template. */
  sample: boolean;
  modules: { className: string; importPath: string }[];
}

// The sample a trigger starts with: the HTTP API and SQS ones are the worked orders example,
// the others are what `nest g lambda-handler <name> --type <trigger>` would add.
const SAMPLE_NAMES: Record<Trigger, string> = {
  'http-api': 'api',
  'rest-api': 'partner-api',
  'function-url': 'webhooks',
  sqs: 'order-events',
  'sqs-fifo': 'payment-events',
  sns: 'notifications',
  s3: 'uploads',
  eventbridge: 'order-shipped',
  schedule: 'nightly-report',
  'dynamodb-stream': 'order-changes',
  kinesis: 'clickstream',
  invoke: 'quote',
};

const SAMPLE_MODULES: Partial<Record<Trigger, ScaffoldFunction['modules']>> = {
  'http-api': [
    { className: 'HealthModule', importPath: './health/health.module.js' },
    { className: 'OrdersModule', importPath: './orders/orders.module.js' },
  ],
  sqs: [
    {
      className: 'OrderEventsModule',
      importPath: './order-events/order-events.module.js',
    },
  ],
};

export function scaffoldFunctions(
  triggers: readonly Trigger[],
): ScaffoldFunction[] {
  return triggers.map((trigger) => {
    const forms = toNameForms(SAMPLE_NAMES[trigger], 'function');
    const sampleModules = SAMPLE_MODULES[trigger];
    return {
      ...forms,
      trigger,
      sample: sampleModules !== undefined,
      modules: sampleModules ?? [
        {
          className: `${forms.className}Module`,
          importPath: `./${forms.name}/${forms.name}.module.js`,
        },
      ],
    };
  });
}
