// The types of these modules of `express/lib/` (a script, as declarations of untyped modules must
// be), for every project that compiles this file: the runtime's and the repository's.
// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="./express-lib.d.ts" />
// Express's request and response modules, without `express/index.js`: its index loads
// body-parser (with iconv-lite and zlib), serve-static, the router and finalhandler at import,
// none of which the Lambda request and response use (bodies are parsed by body-parser.ts, the
// settings are express-settings.ts).
import request from 'express/lib/request.js';
import response from 'express/lib/response.js';

import * as utils from 'express/lib/utils.js';

/** Express's compiler of the `etag` setting into `etag fn`. */
export const compileETag: (
  value: unknown,
) =>
  ((body: string | Buffer, encoding?: BufferEncoding) => string) | undefined =
  utils.compileETag;

/** Express's compiler of the `query parser` setting into `query parser fn`. */
export const compileQueryParser: (
  value: unknown,
) => ((query: string) => unknown) | undefined = utils.compileQueryParser;

/** Express's compiler of the `trust proxy` setting into `trust proxy fn`. */
export const compileTrust: (
  value: unknown,
) => (address: string, hop: number) => boolean = utils.compileTrust;

/** Express's request prototype (`get`, `is`, `accepts`, `ip`, `protocol`, ...). */
export const expressRequest = request;

/** Express's response prototype (`status`, `json`, `send`, `cookie`, `redirect`, ...). */
export const expressResponse = response;
