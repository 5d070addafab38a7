// SwaggerModule.setup serves the Swagger UI from swagger-ui-dist's files, which a function's
// bundle does not carry: in Lambda it would fail on `Cannot find module
// 'swagger-ui-dist/absolute-path.js'`, locally on `useStaticAssets`. Its first UI route (it
// registers them before it looks for the files) is where the error can say what to do instead.

const SWAGGER_UI_INIT = /\/swagger-ui-init\.js$/;

/** Throws, naming Swagger and the fix, when `path` is the Swagger UI's first route. */
export function refuseSwaggerUi(path: unknown): void {
  if (typeof path === 'string' && SWAGGER_UI_INIT.test(path))
    throw new Error(
      'SwaggerModule.setup: a Lambda function cannot serve the Swagger UI (its assets are files the bundle does not carry); pass { ui: false } to serve the document only (at <path>-json and <path>-yaml), or write it with `npm run openapi` and host the UI elsewhere.',
    );
}
