// A throwaway service for the dev server's tests: plain handlers (no Nest, so tsc is quick) that
// answer with what they received, a cdk.out template that declares their environment, and the
// repository's node_modules for typescript and the runtime's test kit.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoModules = fileURLToPath(
  new URL('../../../node_modules', import.meta.url),
);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** An HTTP API handler that answers `answer` and echoes the event and its environment. */
export const HTTP_SOURCE = (answer: string) => `// trigger: 'http-api'
export const handler = async (event: any) => ({
  statusCode: event.rawPath === '/missing' ? 404 : 200,
  headers: { 'content-type': 'application/json', 'x-answer': '${answer}' },
  cookies: ['session=abc; Path=/', 'theme=dark'],
  body: JSON.stringify({ answer: '${answer}', event, table: process.env.TABLE_NAME, mode: process.env.MODE }),
});
`;

const files: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'dev-svc',
    type: 'module',
    private: true,
  }),
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      target: 'ES2023',
      strict: false,
      outDir: 'dist',
      rootDir: 'src',
      incremental: true,
      types: ['node'],
    },
  }),
  'tsconfig.build.json': JSON.stringify({
    extends: './tsconfig.json',
    include: ['src'],
  }),
  'src/functions/api.function.ts': HTTP_SOURCE('one'),
  // What the generated <fn>.cors.ts exports (there through the runtime's corsPolicy check).
  'src/functions/api.cors.ts': `export const CORS = {
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['x-answer'],
  maxAgeSeconds: 600,
};
`,
  'src/functions/partner.function.ts': `// trigger: 'rest-api'
export const handler = async (event: any) => ({
  statusCode: 200,
  multiValueHeaders: { 'x-many': ['a', 'b'] },
  body: Buffer.from(JSON.stringify({ path: event.path, query: event.multiValueQueryStringParameters })).toString('base64'),
  isBase64Encoded: true,
});
`,
  'src/functions/jobs.function.ts': `// createHandler(AppModule, { trigger: 'sqs', handler: JobsHandler })
export const handler = async (event: any) => ({
  batchItemFailures: event.Records.filter((r: any) => JSON.parse(r.body).ok !== true).map((r: any) => ({ itemIdentifier: r.messageId })),
});
`,
  'cdk.out/Svc.template.json': JSON.stringify({
    Resources: {
      ApiFunctionA1: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Environment: {
            Variables: {
              MODE: 'local-test',
              TABLE_NAME: { Ref: 'OrdersTable' },
            },
          },
        },
        Metadata: { 'aws:cdk:path': 'Svc/Api/Function/Resource' },
      },
      PartnerStage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { StageName: 'v1' },
        Metadata: {
          'aws:cdk:path': 'Svc/Partner/RestApi/DeploymentStage.v1/Resource',
        },
      },
    },
  }),
};

/**
 * Writes the service to a new temporary folder and returns it. `changes` adds files, or leaves
 * one out (`null`).
 */
export function createDevService(
  changes: Record<string, string | null> = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'nest-lambda-dev-'));
  for (const [path, text] of Object.entries({ ...files, ...changes })) {
    if (text === null) continue;
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(repoModules, join(root, 'node_modules'));
  return root;
}

/** A running `nest-lambda-dev`, with what it printed. */
export interface DevProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the first match of `pattern` in the output; rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
}

/** Starts `nest-lambda-dev` in `root`. */
export function startDev(
  root: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): DevProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout
    .setEncoding('utf8')
    .on('data', (chunk: string) => (output += chunk));
  child.stderr
    .setEncoding('utf8')
    .on('data', (chunk: string) => (output += chunk));
  return {
    child,
    output: () => output,
    waitFor: (pattern, ms = 90_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const poll = () => {
          const match = pattern.exec(output);
          if (match) return resolve(match);
          if (Date.now() > deadline || child.exitCode !== null)
            return reject(new Error(`no ${pattern} in:\n${output}`));
          setTimeout(poll, 50);
        };
        poll();
      }),
  };
}
