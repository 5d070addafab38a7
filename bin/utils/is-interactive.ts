/**
 * Prompts only when someone can answer them: a TTY on stdin, not CI, and no --yes
 * (as nest-cli's is-interactive and create-vite's --no-interactive decide).
 */
export function isInteractive(yes: boolean | undefined): boolean {
  return Boolean(process.stdin.isTTY) && !process.env.CI && !yes;
}
