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
    const forms = toNameForms(sampleName(trigger), 'function');
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
