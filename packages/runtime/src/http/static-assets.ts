// A function serves no files: its bundle holds code only. SwaggerModule.setup is what most often
// asks for them (the Swagger UI's scripts and styles, from swagger-ui-dist), so its error says
// what to do instead.

/** The error of `useStaticAssets(path)`, naming Swagger when the path is the Swagger UI's. */
export function staticAssetsError(path: unknown): Error {
  if (typeof path === 'string' && path.includes('swagger-ui-dist'))
    return new Error(
      "SwaggerModule.setup: the Swagger UI's assets are files a Lambda function does not serve; pass { ui: false } to serve the document only (at <path>-json and <path>-yaml), or write it with `npm run openapi` and host the UI elsewhere.",
    );
  return new Error(
    'Static assets are not served by Lambda functions; put them on S3/CloudFront.',
  );
}
