/** Every sentence create-nest-lambda says to a user, in one place. */
export const MESSAGES = {
  scaffolding: (name: string) => `Scaffolding ${name}...`,
  dryRun: 'Dry run: nothing was written.',
  installing: (pm: string, registry?: string) =>
    registry === undefined
      ? `Installing dependencies with ${pm}...`
      : `Installing dependencies with ${pm} from ${registry} (CREATE_NEST_LAMBDA_REGISTRY)...`,
  installed: (pm: string, seconds: string) =>
    `Installed dependencies with ${pm} in ${seconds}s.`,
  installFailed: (pm: string, directory: string) =>
    `installing dependencies with ${pm} failed; the project is kept. Retry with: cd ${directory} && ${pm} install`,
  gitMissing:
    'git was not found; skipped creating a repository. Install git and run `git init`.',
  gitInsideRepo:
    'the project is inside an existing git repository; skipped creating one.',
  gitFailed: (reason: string) =>
    `could not make the first git commit (${reason}); the project is kept.`,
  gitDone: 'Initialised a git repository with a first commit.',
  missingName:
    'no service name given and no terminal to ask; pass it as the first argument, e.g. `create-nest-lambda orders-service`.',
  cancelled: 'Cancelled; nothing was written.',
  nextSteps: (
    directory: string,
    pm: string,
    installed: boolean,
    firstFunction: string,
  ) =>
    formatSteps([
      [`cd ${directory}`, ''],
      ...(installed ? [] : [[`${pm} install`, ''] as Step]),
      [`${pm} test`, 'run the unit and invocation tests'],
      [
        `${runScript(pm, 'invoke')} -- ${firstFunction}`,
        'run a function locally with its sample event',
      ],
      [runScript(pm, 'synth'), 'build and synthesize the CDK app'],
      [runScript(pm, 'deploy'), 'deploy it to your AWS account'],
    ]),
  init: {
    adding: 'Adding Lambda support...',
    nextSteps: (pm: string, installed: boolean) =>
      formatSteps([
        ...(installed ? [] : [[`${pm} install`, ''] as Step]),
        [`${pm} test`, "run the tests, the api function's included"],
        [runScript(pm, 'synth'), 'build and synthesize the CDK app'],
        ['npx nest g lambda-handler <name> --type sqs', 'add a function'],
      ]),
  },
  migrate: {
    notAService: (dir: string) =>
      `${dir} is not a create-nest-lambda service (no infra/service.stack.ts); run migrate in the service, or pass --project <dir>.`,
    migrated: (count: number, source: string) =>
      `Migrated ${count} function${count === 1 ? '' : 's'} from ${source}.`,
    leftBehind: (count: number) =>
      `${count} item${count === 1 ? ' was' : 's were'} not migrated; MIGRATION.md says what and where to look.`,
    nextSteps: 'Next: npm install, then npm test and npm run synth.',
  },
} as const;

type Step = [command: string, why: string];

/** `npm run synth` for npm; `pnpm synth` and `yarn synth` for the others. */
export function runScript(pm: string, script: string): string {
  return pm === 'npm' ? `npm run ${script}` : `${pm} ${script}`;
}

function formatSteps(steps: Step[]): string {
  const width = Math.max(...steps.map(([command]) => command.length)) + 3;
  const lines = steps.map(([command, why]) =>
    `  ${command.padEnd(width)}${why}`.trimEnd(),
  );
  return ['', 'Done. Next:', ...lines, ''].join('\n');
}

export const PROMPTS = {
  name: 'Name of the new service:',
  triggers: 'Which functions should it start with?',
  runtime: 'Which Lambda runtime?',
  packageManager: 'Which package manager?',
} as const;
