#!/usr/bin/env node
// nest-lambda-openapi: `npm run openapi` of a create-nest-lambda service.
import { OpenApiError, writeOpenApiDocuments } from './openapi-documents.js';
import { readOpenApiOptions } from './openapi-options.js';
import { UsageError } from './options.js';

const root = process.cwd();
try {
  await writeOpenApiDocuments(
    root,
    readOpenApiOptions(process.argv.slice(2), root),
    (line) => process.stdout.write(`${line}\n`),
  );
} catch (error) {
  if (!(error instanceof UsageError || error instanceof OpenApiError))
    throw error;
  process.stderr.write(`Error: ${error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
