import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { verdaccioConfig } from './verdaccio-config.js';

/** The repository root; this file runs from `scripts/local-registry/` or `dist/scripts/local-registry/`. */
const REPO_ROOT = fileURLToPath(
  new URL(
    import.meta.url.includes('/dist/') ? '../../../' : '../../',
    import.meta.url,
  ),
);

/** The environment variable that makes the CLI install from another registry. */
export const REGISTRY_VARIABLE = 'CREATE_NEST_LAMBDA_REGISTRY';

/** The folders of the packages published from this checkout, dependencies first. */
const FAMILY = ['packages/runtime', 'packages/cdk', 'packages/dev', '.'];

// Packages proxied from upstream are kept between runs here, so a second run installs faster.
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'local-registry');

const START_TIMEOUT_MS = 30_000;

/**
 * A real npm registry (verdaccio) on 127.0.0.1, holding this checkout's packages as `npm publish`
 * sends them. Generated services install from it exactly as they would from the public registry,
 * every other package coming through from the registry npm is configured with.
 */
export class LocalRegistry {
  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>/` */
    readonly url: string,
    private readonly workDir: string,
  ) {}

  /** Starts verdaccio and waits until it answers; publishes nothing yet. */
  static async start(): Promise<LocalRegistry> {
    const upstream = execFileSync('npm', ['config', 'get', 'registry'], {
      encoding: 'utf8',
    }).trim();
    const workDir = mkdtempSync(join(tmpdir(), 'cnl-registry-'));
    const storage = join(CACHE, 'storage');
    mkdirSync(storage, { recursive: true });
    // Only what proxied packages left is reused: the family is published afresh each run.
    for (const name of ['@create-nest-lambda', 'create-nest-lambda'])
      rmSync(join(storage, name), { recursive: true, force: true });
    const config = join(workDir, 'config.yaml');
    writeFileSync(config, verdaccioConfig(storage, upstream));

    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const bin = join(
      dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
      'bin',
      'verdaccio',
    );
    const child = spawn(
      process.execPath,
      [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const registry = new LocalRegistry(child, url, workDir);
    try {
      await waitUntilUp(url, child, () => output);
    } catch (error) {
      await registry.stop();
      throw error;
    }
    return registry;
  }

  /** Environment for npm and the CLI: install from here, and publish here without a login. */
  env(): NodeJS.ProcessEnv {
    const host = this.url.replace(/^http:/, '');
    return {
      npm_config_registry: this.url,
      [`npm_config_${host}:_authToken`]: 'local-registry',
      [REGISTRY_VARIABLE]: this.url,
    };
  }

  /**
   * Publishes the runtime, the CDK constructs and the generator from this checkout (built
   * beforehand), as `npm publish` packs them: what a user would install, and nothing else.
   */
  publishFamily(): void {
    for (const folder of FAMILY) {
      execFileSync(
        'npm',
        [
          'publish',
          '--registry',
          this.url,
          `--${this.url.replace(/^http:/, '')}:_authToken=local-registry`,
          '--ignore-scripts',
          '--no-provenance',
        ],
        { cwd: join(REPO_ROOT, folder), stdio: 'pipe' },
      );
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await Promise.race([exited, delay(5_000)]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

async function waitUntilUp(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `verdaccio exited with ${child.exitCode} before it answered:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${url}-/ping`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(
    `verdaccio did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s:\n${output()}`,
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
