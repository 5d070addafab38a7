import inquirer from 'inquirer';
import { PROMPTS } from '../ui/messages.js';

/** The answers a scaffold may still need after its flags; every one of them is also a flag. */
export interface ScaffoldAnswers {
  name?: string;
  triggers?: string[];
  runtime?: string;
  packageManager?: string;
}

export interface ScaffoldQuestions {
  askName: boolean;
  askTriggers: boolean;
  askRuntime: boolean;
  askPackageManager: boolean;
  triggerChoices: readonly string[];
  /** A few words per trigger, shown beside it. */
  triggerDescriptions: Readonly<Record<string, string>>;
  defaultTriggers: readonly string[];
  runtimeChoices: readonly string[];
  defaultRuntime: string;
  packageManagerChoices: readonly string[];
  defaultPackageManager: string;
  validateName: (name: string) => true | string;
}

/** Asks, on a terminal, only what the flags left open. */
export async function askScaffoldQuestions(
  q: ScaffoldQuestions,
): Promise<ScaffoldAnswers> {
  return inquirer.prompt<ScaffoldAnswers>([
    {
      type: 'input',
      name: 'name',
      message: PROMPTS.name,
      default: 'orders-service',
      validate: q.validateName,
      when: q.askName,
    },
    {
      type: 'checkbox',
      name: 'triggers',
      message: PROMPTS.triggers,
      choices: q.triggerChoices.map((value) => ({
        value,
        name: `${value}: ${q.triggerDescriptions[value]}`,
        short: value,
        checked: q.defaultTriggers.includes(value),
      })),
      validate: (chosen: readonly unknown[]) =>
        chosen.length > 0 || 'Choose at least one.',
      when: q.askTriggers,
    },
    {
      type: 'select',
      name: 'runtime',
      message: PROMPTS.runtime,
      choices: [...q.runtimeChoices],
      default: q.defaultRuntime,
      when: q.askRuntime,
    },
    {
      type: 'select',
      name: 'packageManager',
      message: PROMPTS.packageManager,
      choices: [...q.packageManagerChoices],
      default: q.defaultPackageManager,
      when: q.askPackageManager,
    },
  ]);
}
