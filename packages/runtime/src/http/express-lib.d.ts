// Express ships types only for its index; these are the modules of `express/lib/` the runtime
// loads on their own (see express-parts.ts and express-settings.ts), typed as @types/express types
// what its index exports.
declare module 'express/lib/request.js' {
  import type { Request } from 'express';

  const request: Request;
  export default request;
}

declare module 'express/lib/response.js' {
  import type { Response } from 'express';

  const response: Response;
  export default response;
}

declare module 'express/lib/utils.js' {
  export function compileETag(
    value: unknown,
  ): ((body: string | Buffer, encoding?: BufferEncoding) => string) | undefined;
  export function compileQueryParser(
    value: unknown,
  ): ((query: string) => unknown) | undefined;
  export function compileTrust(
    value: unknown,
  ): (address: string, hop: number) => boolean;
}
