// One worker per function, as the dev server runs them: the function's own environment and a
// module graph of its own. It imports the entry the OpenAPI compile wrote, which boots the
// function's app through createHandler (configure included: global prefix, versioning), and
// answers with the document of the routes that app serves. It never listens.
import type { INestApplication } from '@nestjs/common';
import type * as Swagger from '@nestjs/swagger';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** What the worker is given. */
export interface OpenApiWorkerData {
  readonly entry: string;
  /** `@nestjs/swagger` as the service resolves it: the instance the compiled DTOs register with. */
  readonly swagger: string;
  readonly title: string;
  readonly description: string;
  readonly version: string;
}

/** What it answers. */
export type OpenApiWorkerAnswer =
  { readonly document: Swagger.OpenAPIObject } | { readonly error: string };

const data = workerData as OpenApiWorkerData;

async function document(): Promise<Swagger.OpenAPIObject> {
  const { SwaggerModule, DocumentBuilder } = (await import(
    data.swagger
  )) as typeof Swagger;
  const { handler } = (await import(pathToFileURL(data.entry).href)) as {
    handler?: { app?: INestApplication };
  };
  if (!handler?.app)
    throw new Error(
      'its entry exports no `handler` made by createHandler; export const handler = await createHandler(...)',
    );
  return SwaggerModule.createDocument(
    handler.app,
    new DocumentBuilder()
      .setTitle(data.title)
      .setDescription(data.description)
      .setVersion(data.version)
      .build(),
  );
}

document().then(
  (result) =>
    parentPort!.postMessage({ document: result } satisfies OpenApiWorkerAnswer),
  (error: unknown) =>
    parentPort!.postMessage({
      error:
        error instanceof Error
          ? `${error.name}: ${error.message.split('\n')[0]}`
          : String(error),
    } satisfies OpenApiWorkerAnswer),
);
