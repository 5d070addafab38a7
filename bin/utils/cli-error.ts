/** Exit codes of every create-nest-lambda command. */
export const ExitCode = {
  Ok: 0,
  Failed: 1,
  Usage: 2,
  Cancelled: 130,
} as const;

/** An expected failure: printed as one line, with no stack, and exited with its code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number = ExitCode.Failed,
  ) {
    super(message);
  }
}
