// Renders `infra/functions/<name>.construct.ts` for a migrated function: the shared NestFunction
// with the legacy memory, timeout, environment and IAM statements, and its triggers wired to the
// resources the stack recreates (or imports by ARN).
import { ImportSet, quote } from './code.js';
import type {
  PlannedFunction,
  PolicyStatement,
  ResourceKind,
} from '../plan/plan.js';
import { renderTrigger } from './render-triggers.js';
import { renderValue, type ValueContext } from './render-value.js';

export interface ConstructInput {
  fn: PlannedFunction;
  className: string;
  /** What the report calls the source, e.g. `serverless.yml (functions.createOrder)`. */
  origin: string;
  resources: Map<string, ResourceKind>;
  /** Base name of the resources module in `infra/legacy/`, without `.ts`. */
  resourcesModule: string;
}

export function renderConstruct(input: ConstructInput): string {
  const { fn, className } = input;
  const imports = new ImportSet();
  const context: ValueContext = {
    imports,
    resources: input.resources,
    resourcesModule: `../legacy/${input.resourcesModule}.js`,
    sharedModule: '../legacy/shared.js',
  };
  imports.use('constructs', 'Construct');
  imports.use('@create-nest-lambda/cdk', 'NestFunction');
  imports.use('../service.config.js', 'LAMBDA_RUNTIME');
  const environment = Object.entries(fn.environment).map(
    ([key, value]) =>
      `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${renderValue(value, context)},`,
  );
  const props = [
    `name: ${quote(fn.name)},`,
    'runtime: LAMBDA_RUNTIME,',
    ...(fn.memorySize === undefined ? [] : [`memorySize: ${fn.memorySize},`]),
    ...(fn.timeout === undefined
      ? []
      : [
          `timeout: ${imports.use('aws-cdk-lib', 'Duration')}.seconds(${fn.timeout}),`,
        ]),
    ...(environment.length === 0
      ? []
      : ['environment: {', ...environment.map((line) => `  ${line}`), '},']),
    ...(fn.statements.length === 0 ? [] : ['initialPolicy: statements,']),
  ];
  // The legacy IAM statements, kept in a constant to acknowledge their wildcards below.
  const statements =
    fn.statements.length === 0
      ? []
      : [
          'const statements = [',
          ...fn.statements.map((s) => `  ${renderStatement(s, context)},`),
          '];',
        ];
  const triggers = fn.triggers.flatMap((trigger, index) =>
    renderTrigger(trigger, index, context),
  );
  const wildcards = fn.statements.some(isWildcard)
    ? [
        `${imports.use('../legacy/shared.js', 'acknowledgeLegacyWildcards')}(this.lambdaFunction.role!.node.findChild('DefaultPolicy'), statements, ${quote(`These statements come unchanged from ${input.origin}; narrow their wildcards when the code no longer needs them.`)});`,
      ]
    : [];
  const body = [
    'super(scope, id);',
    '',
    ...(statements.length > 0 ? [...statements, ''] : []),
    "this.lambdaFunction = new NestFunction(this, 'Function', {",
    ...props.map((line) => `  ${line}`),
    '});',
    ...(triggers.length > 0 ? ['', ...triggers] : []),
    ...(wildcards.length > 0 ? ['', ...wildcards] : []),
  ];
  return [
    imports.render(),
    '',
    '/**',
    ` * The ${fn.name} function, migrated from`,
    ` * ${input.origin}.`,
    ' * Its legacy handler runs unchanged inside Nest, with the memory, timeout, environment,',
    ' * permissions and triggers it had; MIGRATION.md lists what the migration left behind.',
    ' */',
    `export class ${className}Function extends Construct {`,
    '  readonly lambdaFunction: NestFunction;',
    '',
    '  constructor(scope: Construct, id: string) {',
    ...body.map((line) => (line === '' ? '' : `    ${line}`)),
    '  }',
    '}',
    '',
  ].join('\n');
}

function renderStatement(
  statement: PolicyStatement,
  context: ValueContext,
): string {
  const iam = (name: string) =>
    context.imports.use('aws-cdk-lib/aws-iam', name);
  const actions = statement.actions.map(quote).join(', ');
  const resources = statement.resources
    .map((value) => renderValue(value, context))
    .join(', ');
  return `new ${iam('PolicyStatement')}({ effect: ${iam('Effect')}.${statement.effect.toUpperCase()}, actions: [${actions}], resources: [${resources}] })`;
}

function isWildcard(statement: PolicyStatement): boolean {
  return (
    statement.actions.some((action) => action.includes('*')) ||
    statement.resources.some((resource) =>
      JSON.stringify(resource).includes('*'),
    )
  );
}
