// Renders the MIGRATION.md section of one `migrate` run: what was migrated and where it went, what
// the stack recreates, and everything left behind, each with where to look.
import type { Finding, MigrationPlan, PlannedTrigger } from '../plan/plan.js';

export interface ReportFunction {
  name: string;
  sourceName: string;
  handler: string;
  legacyDir: string;
  files: number;
  sample: string;
  /** `dev`: read for its types only, a devDependency. */
  packages: { name: string; range?: string; dev?: boolean }[];
}

export interface ReportInput {
  plan: MigrationPlan;
  functions: ReportFunction[];
  resourcesModule?: string;
  /** Findings the schematic adds (unresolved imports, packages without a version, ...). */
  extra: Finding[];
}

const KIND = {
  handler: 'handler file',
  serverless: 'Serverless Framework service',
  sam: 'SAM/CloudFormation template',
};

export function describeTrigger(trigger: PlannedTrigger): string {
  switch (trigger.type) {
    case 'http-api':
    case 'rest-api':
      return `${trigger.type} ${trigger.method} ${trigger.path}`;
    case 'sqs':
      return `sqs${trigger.batchSize === undefined ? '' : ` (batch ${trigger.batchSize})`}`;
    case 's3':
      return `s3 ${trigger.events.join(', ')}`;
    case 'schedule':
      return `schedule ${trigger.expression}`;
    default:
      return trigger.type;
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function renderReport(input: ReportInput): string {
  const { plan } = input;
  const lines = [
    `## ${plan.source}`,
    '',
    `Migrated from the ${KIND[plan.sourceKind]} ${code(plan.source)} by \`create-nest-lambda migrate\`.`,
    'Each legacy handler runs unchanged inside Nest (`src/<name>/<name>.handler.ts`, `invoke` trigger), and',
    '`test/functions/<name>.legacy.spec.ts` checks that it answers its sample event as the legacy handler does.',
    "The functions run on the service's Lambda runtime (`infra/service.config.ts`) and on arm64, as every",
    'function of the service does: legacy code with native modules built for x86_64 must be rebuilt.',
    '',
    '### Migrated',
    '',
    '| function | from | handler | legacy code | triggers | sample event |',
    '| --- | --- | --- | --- | --- | --- |',
    ...input.functions.map((fn) => {
      const planned = plan.functions.find((p) => p.name === fn.name);
      const triggers =
        planned?.triggers.map(describeTrigger).join('; ') ||
        'invoke (no trigger)';
      return `| ${fn.name} | ${cell(fn.sourceName)} | ${code(fn.handler)} | ${code(fn.legacyDir)} (${fn.files} file${fn.files === 1 ? '' : 's'}) | ${cell(triggers)} | ${cell(fn.sample)} |`;
    }),
  ];
  if (plan.resources.length > 0) {
    lines.push(
      '',
      '### Resources the stack creates',
      '',
      `In ${code(`infra/legacy/${input.resourcesModule ?? ''}.ts`)}, one of each per stack. They are new resources: the legacy ones keep their data and their names. To keep using a legacy resource instead, import it by ARN or name in the construct (\`Queue.fromQueueArn\`, \`Table.fromTableName\`, ...).`,
      '',
      ...plan.resources.map(
        (r) =>
          `- ${r.logicalId} (${r.kind})${r.dropped.length > 0 ? `: not carried over: ${r.dropped.join(', ')}` : ''}`,
      ),
    );
  }
  const packages = input.functions.flatMap((fn) =>
    fn.packages.map(
      (p) =>
        `${p.name}${p.range ? `@${p.range}` : ''}${p.dev ? ' (types: devDependencies)' : ''}`,
    ),
  );
  if (packages.length > 0) {
    lines.push(
      '',
      '### Packages',
      '',
      `The legacy code imports ${[...new Set(packages)].map((p) => p.replace(/^(\S+)/, (name) => code(name))).join(', ')}; install the dependencies again after this run.`,
    );
  }
  const left = [...plan.notMigrated, ...input.extra];
  lines.push('', '### Not migrated', '');
  if (left.length === 0)
    lines.push(
      'Nothing: everything the source declared for these functions was migrated.',
    );
  else {
    lines.push('| what | why | where to look |', '| --- | --- | --- |');
    lines.push(
      ...left.map(
        (f) => `| ${cell(f.subject)} | ${cell(f.detail)} | ${cell(f.where)} |`,
      ),
    );
  }
  if (plan.notes.length > 0) {
    lines.push(
      '',
      '### Notes',
      '',
      ...plan.notes.map((n) => `- ${n.subject}: ${n.detail} (${n.where})`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** MIGRATION.md with the new section appended (or the file, headed, when there is none yet). */
export function appendReport(
  existing: string | undefined,
  section: string,
): string {
  const head =
    existing ??
    '# Migration\n\nWhat `create-nest-lambda migrate` moved into this service, run by run.\n';
  return `${head.replace(/\n*$/, '\n')}\n${section}`;
}
