import { STACK_FILE } from '../../schematics/utils/project-paths.js';

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
  installCancelled: (pm: string, directory: string) =>
    `installation cancelled; the project is kept. Retry with: cd ${directory} && ${pm} install`,
  packageManagerMissing: (pm: string) =>
    `${pm} is not installed; get it with \`corepack enable ${pm}\` or \`npm install --global ${pm}\`, or pass --package-manager npm or --skip-install.`,
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
  usage: usageMessage,
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
      `${dir} is not a create-nest-lambda service (no ${STACK_FILE}); run migrate in the service, or pass --project <dir>.`,
    migrated: (count: number, source: string) =>
      `Migrated ${count} function${count === 1 ? '' : 's'} from ${source}.`,
    nextSteps: 'Next: npm install, then npm test and npm run synth.',
  },
} as const;

type Step = [command: string, why: string];

/**
 * Commander's parse errors as one line in our words: its "(Did you mean --x?)" goes on the same
 * line, and a value outside an option's choices reads like the schematics' own refusals.
 */
function usageMessage(commanderMessage: string): string {
  const text = commanderMessage.replace(/^error: /, '').trim();
  const choice =
    /^option '(--[\w-]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*?)\.?$/.exec(
      text,
    );
  if (choice) {
    const [, flag, value, allowed] = choice;
    return `unknown ${flag.slice(2).replaceAll('-', ' ')} "${value}"; use one of: ${allowed}.`;
  }
  const [problem, ...rest] = text.split('\n').map((line) => line.trim());
  const hint = /^\(Did you mean (.*)\?\)$/.exec(rest.join(' '));
  const fix = hint ? `did you mean ${hint[1]}? Run` : 'run';
  return `${problem.replace(/\.$/, '')}; ${fix} create-nest-lambda --help for usage.`;
}

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
