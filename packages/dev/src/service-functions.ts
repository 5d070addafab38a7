import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A function of the service, as the dev server runs it. */
export interface ServiceFunction {
  /** Kebab-case, as in `src/functions/<name>.function.ts`. */
  readonly name: string;
  /** The `trigger` its entry passes to `createHandler`. */
  readonly trigger: string;
  /** The environment its construct declares, with placeholders for values only AWS has. */
  readonly environment: Readonly<Record<string, string>>;
  /** REST API functions: the stage in front of their paths. */
  readonly stage?: string;
  /** The names of the variables that got a placeholder. */
  readonly placeholders: readonly string[];
}

const pascal = (name: string) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

/**
 * The functions of the service in `root`: one per `src/functions/*.function.ts`, with the trigger
 * its entry declares, and the environment and stage their constructs give them in the template
 * `cdk synth` wrote to `cdk.out` (when there is one).
 */
export function serviceFunctions(root: string): ServiceFunction[] {
  const dir = join(root, 'src', 'functions');
  if (!existsSync(dir)) return [];
  const resources = templateResources(root);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.function.ts'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.function\.ts$/, '');
      const source = readFileSync(join(dir, file), 'utf8');
      const trigger =
        /trigger:\s*['"]([a-z0-9-]+)['"]/.exec(source)?.[1] ?? 'invoke';
      const path = `/${pascal(name)}/`;
      const mine = resources.filter(([, r]) =>
        `${r.Metadata?.['aws:cdk:path'] as string | undefined}`.includes(path),
      );
      const lambda = mine.find(
        ([, r]) => r.Type === 'AWS::Lambda::Function',
      )?.[1];
      const variables = ((
        lambda?.Properties?.['Environment'] as {
          Variables?: Record<string, unknown>;
        }
      )?.Variables ?? {}) as Record<string, unknown>;
      const placeholders = Object.keys(variables).filter(
        (key) => typeof variables[key] !== 'string',
      );
      const environment = Object.fromEntries(
        Object.entries(variables).map(([key, value]) => [
          key,
          typeof value === 'string'
            ? value
            : `local-${key.toLowerCase().replace(/_/g, '-')}`,
        ]),
      );
      const stageName = mine.find(
        ([, r]) => r.Type === 'AWS::ApiGateway::Stage',
      )?.[1]?.Properties?.['StageName'];
      const stage =
        trigger === 'rest-api'
          ? typeof stageName === 'string'
            ? stageName
            : 'prod'
          : undefined;
      return {
        name,
        trigger,
        environment,
        placeholders,
        ...(stage && { stage }),
      };
    });
}

function templateResources(root: string): [string, Resource][] {
  const out = join(root, 'cdk.out');
  if (!existsSync(out)) return [];
  return readdirSync(out)
    .filter((file) => file.endsWith('.template.json'))
    .flatMap((file) =>
      Object.entries(
        (
          JSON.parse(readFileSync(join(out, file), 'utf8')) as {
            Resources?: Record<string, Resource>;
          }
        ).Resources ?? {},
      ),
    );
}
