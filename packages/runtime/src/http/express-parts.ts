import { EventEmitter } from 'node:events';
import type { Application } from 'express';
// Express's application, request and response modules, without `express/index.js`: its index
// loads body-parser (with iconv-lite and zlib), serve-static and the router factory at import,
// none of which the Lambda request and response use (bodies are parsed by body-parser.ts).
import application from 'express/lib/application.js';
import request from 'express/lib/request.js';
import response from 'express/lib/response.js';

/** Express's request prototype (`get`, `is`, `accepts`, `ip`, `protocol`, ...). */
export const expressRequest = request;

/** Express's response prototype (`status`, `json`, `send`, `cookie`, `redirect`, ...). */
export const expressResponse = response;

/**
 * An Express application as `express()` makes it (the same settings and defaults: `etag`,
 * `trust proxy`, `query parser`, `json spaces`, ...), for the request and response methods to
 * read through `req.app` and `res.app`. It never listens nor routes; Nest's routes go to the
 * adapter's route table.
 */
export function createExpressApplication(): Application {
  // As express/lib/express.js's createApplication(), which this must follow.
  const app = ((request: unknown, response: unknown, next: unknown) => {
    (app as unknown as Routable).handle(request, response, next);
  }) as unknown as Application & Prototypes;
  mixin(app, EventEmitter.prototype);
  mixin(app, application);
  app.request = Object.create(request, {
    app: { configurable: true, enumerable: true, writable: true, value: app },
  });
  app.response = Object.create(response, {
    app: { configurable: true, enumerable: true, writable: true, value: app },
  });
  app.init();
  return app;
}

// What createApplication() sets on the app besides the application's methods.
type Prototypes = { request: object; response: object };

type Routable = {
  handle(request: unknown, response: unknown, next: unknown): void;
};

// merge-descriptors without redefining what the target already has, as Express calls it.
function mixin(target: object, source: object): void {
  for (const name of Object.getOwnPropertyNames(source)) {
    if (Object.hasOwn(target, name)) continue;
    Object.defineProperty(
      target,
      name,
      Object.getOwnPropertyDescriptor(source, name)!,
    );
  }
}
