import { spawnSync } from 'node:child_process';
import { MESSAGES } from '../ui/messages.js';
import { info, warn } from '../ui/output.js';

/**
 * Creates a repository with a first commit, as `nest new` does. Git is a convenience here: when it
 * is missing, or the folder is already inside a repository, or the commit fails, we say so and go on.
 */
export function initGitRepository(cwd: string): void {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd, encoding: 'utf8' });
  const version = git('--version');
  if (version.error) {
    warn(MESSAGES.gitMissing);
    return;
  }
  if (git('rev-parse', '--is-inside-work-tree').stdout.trim() === 'true') {
    info(MESSAGES.gitInsideRepo);
    return;
  }
  for (const args of [
    ['init', '--quiet'],
    ['add', '--all'],
    [
      'commit',
      '--quiet',
      '--message',
      'Initial commit from create-nest-lambda',
    ],
  ]) {
    const result = git(...args);
    if (result.status !== 0) {
      warn(
        MESSAGES.gitFailed(
          result.stderr.trim().split('\n')[0] || `git ${args[0]} failed`,
        ),
      );
      return;
    }
  }
  info(MESSAGES.gitDone);
}
