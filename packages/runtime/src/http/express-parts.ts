// Express's request and response modules, without `express/index.js`: its index loads
// body-parser (with iconv-lite and zlib), serve-static, the router and finalhandler at import,
// none of which the Lambda request and response use (bodies are parsed by body-parser.ts, the
// settings are express-settings.ts).
import request from 'express/lib/request.js';
import response from 'express/lib/response.js';

/** Express's request prototype (`get`, `is`, `accepts`, `ip`, `protocol`, ...). */
export const expressRequest = request;

/** Express's response prototype (`status`, `json`, `send`, `cookie`, `redirect`, ...). */
export const expressResponse = response;
