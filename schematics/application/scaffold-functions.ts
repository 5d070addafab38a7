import type { NameForms } from '../utils/names.js';
import { toNameForms } from '../utils/names.js';
import { sampleName, type Trigger } from '../utils/triggers.js';

/** One function of a freshly scaffolded service, and the feature modules it brings. */
export interface ScaffoldFunction extends NameForms {
  trigger: Trigger;
  /** A hand-written sample in `templates/samples/<trigger>/` replaces the generic trigger template. */
  sample: boolean;
  modules: { className: string; importPath: string }[];
}

/** A function the user asked for: its trigger, and the name they gave it, if any (`sqs:payments`). */
export interface FunctionRequest {
  trigger: Trigger;
  name?: string;
}

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

/**
 * The functions of a new service. A trigger the user did not name gets its sample (`api` with
 * orders, `order-events`, ...) or, when `minimal`, the trigger's own skeleton named after the
 * trigger (`sqs`, `http-api`); a named one always gets the skeleton, under its name.
 */
export function scaffoldFunctions(
  requests: readonly FunctionRequest[],
  minimal: boolean,
): ScaffoldFunction[] {
  return requests.map(({ trigger, name }) => {
    const forms = toNameForms(
      name ?? (minimal ? trigger : sampleName(trigger)),
      'function',
    );
    const sampleModules =
      name === undefined && !minimal ? SAMPLE_MODULES[trigger] : undefined;
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
