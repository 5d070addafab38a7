import type { CorsPolicy } from '@create-nest-lambda/runtime';
import { statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceFunction } from './service-functions.js';

// On AWS, an HTTP API or a function URL answers CORS preflights and adds the CORS headers to the
// function's responses, from the policy its construct reads (`src/functions/<fn>.cors.ts`); the
// function itself adds none. The dev server stands in for that front. (REST API and ALB functions
// call `app.enableCors()` themselves, so requests reach them as they are.)

/** The triggers whose AWS front applies the function's CORS policy. */
const FRONT_TRIGGERS = new Set(['http-api', 'function-url']);

/** Reads each function's CORS policy from the build, again whenever the build changes. */
export class FrontCors {
  constructor(private readonly root: string) {}

  /**
   * The policy the front of `fn` applies: none for other triggers, or without a `.cors.js` in
   * `dist/`. A wrong policy throws the runtime's one-line `CorsPolicyError`.
   */
  async policyOf(fn: ServiceFunction): Promise<CorsPolicy | undefined> {
    if (!FRONT_TRIGGERS.has(fn.trigger)) return undefined;
    const file = join(this.root, 'dist', 'functions', `${fn.name}.cors.js`);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    // ESM caches a module by its URL: the file's time makes each build a new one.
    const url = `${pathToFileURL(file).href}?build=${stat.mtimeMs}`;
    return ((await import(url)) as { CORS?: CorsPolicy }).CORS;
  }
}

/** Whether `req` is a CORS preflight: an OPTIONS with an origin and the method it asks for. */
export function isPreflight(req: IncomingMessage): boolean {
  return (
    req.method === 'OPTIONS' &&
    req.headers.origin !== undefined &&
    req.headers['access-control-request-method'] !== undefined
  );
}

/** The `access-control-allow-origin` value for `origin` under `policy`; none if not allowed. */
function allowedOrigin(
  policy: CorsPolicy,
  origin: string | undefined,
): string | undefined {
  if (origin === undefined) return undefined;
  if (policy.allowOrigins.includes('*'))
    return policy.allowCredentials ? origin : '*';
  return policy.allowOrigins.includes(origin) ? origin : undefined;
}

/** The headers the front adds to a response to `origin`; none when the origin is not allowed. */
export function corsResponseHeaders(
  policy: CorsPolicy,
  origin: string | undefined,
): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  if (allowed === undefined) return {};
  return {
    'access-control-allow-origin': allowed,
    ...(policy.allowCredentials && {
      'access-control-allow-credentials': 'true',
    }),
    ...(policy.exposeHeaders?.length && {
      'access-control-expose-headers': policy.exposeHeaders.join(','),
    }),
  };
}

/**
 * The headers of the front's answer to preflight `req`: the allow headers when its origin and
 * method are allowed, none otherwise (the browser then refuses the request).
 */
export function preflightHeaders(
  policy: CorsPolicy,
  req: IncomingMessage,
): Record<string, string> {
  const allowed = allowedOrigin(policy, req.headers.origin);
  const method = req.headers['access-control-request-method'] ?? '';
  if (
    allowed === undefined ||
    !(policy.allowMethods as readonly string[]).includes(method)
  ) {
    return {};
  }
  return {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': policy.allowMethods.join(','),
    ...(policy.allowHeaders.length > 0 && {
      'access-control-allow-headers': policy.allowHeaders.join(','),
    }),
    ...(policy.allowCredentials && {
      'access-control-allow-credentials': 'true',
    }),
    ...(policy.maxAgeSeconds !== undefined && {
      'access-control-max-age': String(policy.maxAgeSeconds),
    }),
  };
}
