import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import {
  HTTP_TRIGGERS,
  httpEvent,
  invokeEvent,
  requestOptions,
  writeResult,
} from './events.js';
import {
  corsResponseHeaders,
  type FrontCors,
  isPreflight,
  preflightHeaders,
} from './front-cors.js';
import { FunctionPool } from './function-pool.js';
import type { ServiceFunction } from './service-functions.js';
import { StreamRelay } from './stream-relay.js';

const INVOKE = /^\/_functions\/([a-z0-9-]+)\/invoke\/?$/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Nest's not-found answer: the route belongs to no controller of that function.
const notFound = (result: unknown) =>
  typeof result === 'object' &&
  result !== null &&
  (result as { statusCode?: number }).statusCode === 404 &&
  /"message":"Cannot [A-Z]+ /.test(String((result as { body?: string }).body));

/** What the server reports of each request, once it is answered. */
export interface RequestRecord {
  readonly method: string;
  /** The path and query, as requested. */
  readonly path: string;
  /** The function that answered, or `-`. */
  readonly fn: string;
  readonly status: number;
  readonly ms: number;
  /** Why the server answered with an error of its own (the handler threw, a bad body). */
  readonly error?: string;
}

/**
 * The dev server: each HTTP function at its routes (REST API ones behind their stage), and
 * `POST /_functions/<name>/invoke` for every function. `onRequest` hears of every request.
 * `cors` applies the CORS policies of HTTP API and function URL functions, as their AWS front does.
 */
export function createDevServer(
  functions: readonly ServiceFunction[],
  pool: FunctionPool,
  onRequest: (record: RequestRecord) => void,
  cors: FrontCors,
): Server {
  const byName = new Map(functions.map((fn) => [fn.name, fn]));
  const http = functions.filter((fn) => HTTP_TRIGGERS.has(fn.trigger));

  async function serveHttp(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
  ) {
    // Functions whose stage prefixes the path first, then the others; the first that has a route
    // for the request answers. When none has, the first one's 404 answers: a path behind a stage
    // is meant for that stage's function.
    const candidates = [
      ...http.filter(
        (fn) =>
          fn.stage &&
          (url.pathname === `/${fn.stage}` ||
            url.pathname.startsWith(`/${fn.stage}/`)),
      ),
      ...http.filter((fn) => !fn.stage),
    ];
    // A preflight is the front's to answer, from the policy of the first function that has one;
    // the function never sees it. A path behind a REST API stage is that function's own.
    if (isPreflight(req) && !candidates[0]?.stage) {
      for (const fn of candidates) {
        const policy = await cors.policyOf(fn);
        if (!policy) continue;
        res.writeHead(204, preflightHeaders(policy, req)).end();
        return { name: fn.name, status: 204 };
      }
    }
    // The headers the front of the function being tried adds to its response; replaced when the
    // next function is tried.
    let applied: { fn?: ServiceFunction; names: string[] } = { names: [] };
    const applyCors = async (fn: ServiceFunction) => {
      if (applied.fn === fn) return;
      for (const name of applied.names) res.removeHeader(name);
      const policy = await cors.policyOf(fn);
      const headers = policy
        ? corsResponseHeaders(policy, req.headers.origin)
        : {};
      for (const [name, value] of Object.entries(headers))
        res.setHeader(name, value);
      applied = { fn, names: Object.keys(headers) };
    };
    let answer: { fn: ServiceFunction; result: unknown } | undefined;
    // A function that streams (a function URL with `responseStreaming`) writes to the client as
    // it answers; the client leaving destroys its response stream.
    const left = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) left.abort();
    });
    for (const [index, fn] of candidates.entries()) {
      const path = fn.stage
        ? url.pathname.slice(fn.stage.length + 1) || '/'
        : url.pathname;
      await applyCors(fn);
      const relay = new StreamRelay(res, index < candidates.length - 1);
      let result = await pool.invoke(
        fn,
        httpEvent(fn, requestOptions(req, path + url.search, body)),
        { onStream: (part) => relay.receive(part), signal: left.signal },
      );
      if (relay.status !== undefined) {
        const held = relay.heldResult();
        if (!held) return { name: fn.name, status: relay.status };
        result = held;
      }
      if (!notFound(result)) {
        answer = { fn, result };
        break;
      }
      answer ??= { fn, result };
    }
    if (!answer) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"message":"No HTTP function in this service"}');
      return { name: '-', status: 404 };
    }
    // The answering function's front headers (when no function had the route, the first one's
    // 404 answers).
    await applyCors(answer.fn);
    return { name: answer.fn.name, status: writeResult(res, answer.result) };
  }

  async function serveInvoke(
    res: ServerResponse,
    fn: ServiceFunction,
    body: Buffer,
  ) {
    const input: unknown =
      body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
    const result = await pool.invoke(fn, invokeEvent(fn, input));
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(result ?? null));
    return 200;
  }

  return createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const invoke = INVOKE.exec(url.pathname);
    let name = invoke?.[1] ?? '-';
    let failure: string | undefined;
    const reply = async (): Promise<number> => {
      const body = await readBody(req);
      if (!invoke) {
        const served = await serveHttp(req, res, url, body);
        name = served.name;
        return served.status;
      }
      const fn = byName.get(invoke[1]!);
      if (!fn || req.method !== 'POST') {
        const message = fn
          ? 'use POST'
          : `no function "${invoke[1]}"; one of: ${[...byName.keys()].join(', ')}`;
        res
          .writeHead(fn ? 405 : 404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message }));
        return fn ? 405 : 404;
      }
      return serveInvoke(res, fn, body);
    };
    void reply()
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        const status = error instanceof SyntaxError ? 400 : 502;
        failure =
          error instanceof Error ? `${error.name}: ${message}` : message;
        if (!res.headersSent)
          res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message }));
        return status;
      })
      .then((status) =>
        onRequest({
          method: req.method ?? 'GET',
          path: `${url.pathname}${url.search}`,
          fn: name,
          status,
          ms: Math.round(performance.now() - started),
          ...(failure !== undefined && { error: failure }),
        }),
      );
  });
}
