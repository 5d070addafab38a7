// Express ships types only for its index; these are the three modules of `express/lib/` the
// runtime loads on their own (see express-parts.ts), typed as @types/express types what index exports.
declare module 'express/lib/application.js' {
  import type { Application } from 'express';

  const application: Application;
  export default application;
}

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
