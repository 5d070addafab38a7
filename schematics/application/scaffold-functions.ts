import {
  featureModule,
  type FunctionModule,
} from '../utils/function-module.js';
import type { NameForms } from '../utils/names.js';
import { toNameForms } from '../utils/names.js';
import { sampleName, type Trigger } from '../utils/triggers.js';

/** One function of a freshly scaffolded service, and the feature modules it brings. */
export interface ScaffoldFunction extends NameForms {
  trigger: Trigger;
  /** A hand-written sample in `templates/samples/<trigger>/` replaces the generic trigger template. */
  sample: boolean;
  /** The modules AppModule imports for it (paths from `src/`). */
  modules: { className: string; importPath: string }[];
  /** The module its entry boots. */
  functionModule: FunctionModule;
}

/** A function the user asked for: its trigger, and the name they gave it, if any (`sqs:payments`). */
export interface FunctionRequest {
  trigger: Trigger;
  name?: string;
}

// The samples keep the shape of the generic templates: one root module per function in
// `src/<name>/<name>.module.ts` (the api sample's ApiModule imports its two features).
const SAMPLE_TRIGGERS: readonly Trigger[] = ['http-api', 'sqs'];

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
    const own = featureModule(forms.name, forms.className);
    return {
      ...forms,
      trigger,
      sample:
        name === undefined && !minimal && SAMPLE_TRIGGERS.includes(trigger),
      modules: [
        {
          className: own.className,
          importPath: `./${forms.name}/${forms.name}.module.js`,
        },
      ],
      functionModule: own,
    };
  });
}
