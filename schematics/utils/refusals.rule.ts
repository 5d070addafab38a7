import {
  callRule,
  type Rule,
  SchematicsException,
} from '@angular-devkit/schematics';
import { catchError, throwError } from 'rxjs';

/**
 * `nest g` runs a schematic in a child process, the schematics CLI, which prints our refusal as
 * `Error: …` and exits 1; the Nest CLI then prints `Failed to execute command: node …/schematics.js
 * create-nest-lambda:… --name=… --skip-import=false …` after it, and exits 0 all the same. A
 * refusal is a complete answer, so under the schematics CLI it exits 0 and our one line stays the
 * last thing on screen. Elsewhere (create-nest-lambda add, tests) the error is untouched.
 */
export function refusingLast<T>(
  factory: (options: T) => Rule,
): (options: T) => Rule {
  return (options) => (tree, context) => {
    let rule: Rule;
    try {
      rule = factory(options);
    } catch (error) {
      throw settle(error);
    }
    return callRule(rule, tree, context).pipe(
      catchError((error: unknown) => throwError(() => settle(error))),
    );
  };
}

function settle(error: unknown): unknown {
  if (error instanceof SchematicsException && underSchematicsCli()) {
    // The schematics CLI sets the exit code after the workflow fails; 'exit' listeners run last.
    process.once('exit', () => {
      process.exitCode = 0;
    });
  }
  return error;
}

function underSchematicsCli(): boolean {
  return /schematics-cli[\\/]bin[\\/]schematics\.js$/.test(
    process.argv[1] ?? '',
  );
}
