import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';
import { runInTerminal } from '../support/terminal.js';

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';
const CTRL_C = '\x03';

/**
 * A folder for PATH holding node and stand-ins for package managers: each answers `--version`;
 * `install` records its pid in `$PM_PID` and sleeps, as a long install would.
 */
function fakeBin(managers: readonly string[]): string {
  const bin = tempDir('fake-bin');
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const pm of managers) {
    const script = join(bin, pm);
    writeFileSync(
      script,
      [
        `#!${process.execPath}`,
        "if (process.argv[2] === '--version') process.exit(console.log('11.0.0'));",
        "require('node:fs').writeFileSync(process.env.PM_PID, String(process.pid));",
        'setTimeout(() => {}, 60_000);',
      ].join('\n'),
    );
    chmodSync(script, 0o755);
  }
  return bin;
}

async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 40; tries++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((wake) => setTimeout(wake, 50));
  }
  return false;
}

describe('create-nest-lambda on a terminal', () => {
  it('asks for what the flags left open and scaffolds the answers', async () => {
    const cwd = tempDir('tty');
    const session = runInTerminal(
      `node ${CLI} --skip-install --skip-git --package-manager npm`,
      cwd,
    );

    await session.answer('Name of the new service', `billing-service${ENTER}`);
    // The cursor starts on http-api, which is checked: uncheck it, then check rest-api below.
    await session.answer(
      'Which functions should it start with?',
      `${SPACE}${DOWN}${SPACE}${ENTER}`,
    );
    // nodejs24.x is first and the default; the one below is nodejs22.x.
    await session.answer('Which Lambda runtime?', `${DOWN}${ENTER}`);
    const { code, output } = await session.exit;

    expect(code).toBe(0);
    // Each trigger comes with a few words on what it gives the function.
    expect(output).toContain(
      'http-api: API Gateway HTTP API, routed to controllers',
    );
    expect(output).toContain('sqs: messages from an SQS queue, in batches');
    expect(output).not.toContain('Which package manager?');
    const config = readFileSync(
      join(cwd, 'billing-service/infra/service.config.ts'),
      'utf8',
    );
    expect(config).toContain('Runtime.NODEJS_22_X');
    expect(
      existsSync(
        join(cwd, 'billing-service/src/functions/partner-api.function.ts'),
      ),
    ).toBe(true);
    expect(
      existsSync(
        join(cwd, 'billing-service/src/functions/order-events.function.ts'),
      ),
    ).toBe(true);
    expect(
      existsSync(join(cwd, 'billing-service/src/functions/api.function.ts')),
    ).toBe(false);
  });

  it('offers nodejs24.x first and takes it on Enter', async () => {
    const cwd = tempDir('tty-runtime');
    const session = runInTerminal(
      `node ${CLI} svc --triggers sqs --package-manager npm --skip-install --skip-git`,
      cwd,
    );

    await session.answer('Which Lambda runtime?', ENTER);
    const { code, output } = await session.exit;

    expect(code).toBe(0);
    expect(output).toMatch(/nodejs24\.x[\s\S]*nodejs22\.x/);
    expect(
      readFileSync(join(cwd, 'svc/infra/service.config.ts'), 'utf8'),
    ).toContain('Runtime.NODEJS_24_X');
  });

  it('never prompts with --yes, even on a terminal', async () => {
    const cwd = tempDir('tty-name');
    const session = runInTerminal(
      `node ${CLI} --yes --skip-install --skip-git`,
      cwd,
    );

    const { code, output } = await session.exit;

    expect(code).toBe(2);
    expect(output).toContain('no service name given');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('validates the name typed at the prompt', async () => {
    const cwd = tempDir('tty-invalid');
    const session = runInTerminal(
      `node ${CLI} --triggers sqs --runtime nodejs22.x --package-manager npm --skip-install --skip-git`,
      cwd,
    );

    await session.answer('Name of the new service', `Bad Name${ENTER}`);
    await session.answer(
      'is not a valid npm package name',
      `\x15ok-name${ENTER}`,
    );
    const { code } = await session.exit;

    expect(code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['ok-name']);
  });

  it('offers only the package managers that are installed', async () => {
    const cwd = tempDir('tty-pm');
    const bin = fakeBin(['npm', 'yarn']);
    const session = runInTerminal(
      `PATH=${bin} node ${CLI} svc --triggers sqs --runtime nodejs24.x --skip-install --skip-git`,
      cwd,
    );

    await session.answer('Which package manager?', `${DOWN}${ENTER}`);
    const { code, output } = await session.exit;

    expect(code).toBe(0);
    const menu = output.slice(output.indexOf('Which package manager?'));
    expect(menu).toContain('yarn');
    expect(menu).not.toContain('pnpm');
    expect(readFileSync(join(cwd, 'svc/README.md'), 'utf8')).toContain(
      '`yarn test`',
    );
  });

  it('Ctrl-C during the install stops the package manager, keeps the project and exits 130', async () => {
    const cwd = tempDir('tty-install');
    const pidFile = join(cwd, 'pm.pid');
    // A size for the pseudo-terminal: with none, the spinner clears an endless number of lines.
    const session = runInTerminal(
      `stty cols 100 rows 40; PM_PID=${pidFile} PATH=${fakeBin(['npm'])} node ${CLI} svc --triggers sqs --runtime nodejs24.x --package-manager npm --skip-git`,
      cwd,
    );

    await session.answer('Installing dependencies with npm', '');
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '')
      await new Promise((wake) => setTimeout(wake, 50));
    await session.answer('', CTRL_C);
    const { code, output } = await session.exit;

    expect(code).toBe(130);
    expect(output).toContain(
      'Error: installation cancelled; the project is kept. Retry with: cd svc && npm install',
    );
    expect(existsSync(join(cwd, 'svc/src/app.module.ts'))).toBe(true);
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('exits 130 and writes nothing when cancelled at a prompt', async () => {
    const cwd = tempDir('tty-cancel');
    const session = runInTerminal(`node ${CLI} --skip-install --skip-git`, cwd);

    await session.answer('Name of the new service', '\x03');
    const { code, output } = await session.exit;

    expect(code).toBe(130);
    expect(output).toContain('Error: Cancelled; nothing was written.');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
