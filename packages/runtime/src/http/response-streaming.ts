import { LambdaHandlerDefinitionError } from '../errors.js';

/**
 * The response stream Lambda's Node.js runtime hands a streaming handler (a wrapped HTTP request to
 * the Runtime API): a writable stream plus `setContentType`, and the hook `HttpResponseStream.from`
 * installs to write the HTTP prelude before the first `write()` (not before an `end(chunk)`).
 */
export interface LambdaResponseStream {
  write(
    chunk: string | Uint8Array,
    callback?: (error?: Error | null) => void,
  ): boolean;
  end(callback?: () => void): unknown;
  destroy(error?: Error): unknown;
  on(event: 'close' | 'error', listener: (error?: Error) => void): unknown;
  setContentType(contentType: string): void;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

/** What a function URL reads from the prelude: the status line, headers and cookies. */
export interface HttpResponsePrelude {
  readonly statusCode: number;
  readonly headers: { [name: string]: string };
  readonly cookies: string[];
}

/** The `awslambda` global that Lambda's Node.js runtime defines before it loads the handler. */
export interface AwsLambdaGlobal {
  streamifyResponse<T extends Function>(handler: T): T;
  HttpResponseStream: {
    from(
      stream: LambdaResponseStream,
      prelude: HttpResponsePrelude,
    ): LambdaResponseStream;
  };
}

/**
 * Set by the function URL construct to its `invokeMode` (`BUFFERED` or `RESPONSE_STREAM`), so that
 * an entry that streams behind a buffered URL (or the reverse) fails at init instead of answering
 * the prelude as the body, or never streaming.
 */
export const INVOKE_MODE_ENV = 'FUNCTION_URL_INVOKE_MODE';

/**
 * Checks `responseStreaming` at init and returns the `awslambda` global when the function streams,
 * `undefined` when it buffers. Throws `LambdaHandlerDefinitionError` for a trigger that cannot
 * stream, a function URL whose invoke mode disagrees, or a process without Lambda's runtime.
 */
export function streamingRuntime(
  trigger: string,
  requested: boolean | undefined,
  env: NodeJS.ProcessEnv,
): AwsLambdaGlobal | undefined {
  const mode = trigger === 'function-url' ? env[INVOKE_MODE_ENV] : undefined;
  if (!requested) {
    if (mode === 'RESPONSE_STREAM') {
      throw new LambdaHandlerDefinitionError(
        `The function URL streams (${INVOKE_MODE_ENV}=RESPONSE_STREAM) but the entry does not: pass responseStreaming: true to createHandler, or give addFunctionUrl() invokeMode: InvokeMode.BUFFERED.`,
      );
    }
    return undefined;
  }
  if (trigger !== 'function-url') {
    throw new LambdaHandlerDefinitionError(
      `responseStreaming works on the "function-url" trigger only; "${trigger}" returns one buffered response: remove responseStreaming, or serve this function from a function URL.`,
    );
  }
  if (mode !== undefined && mode !== 'RESPONSE_STREAM') {
    throw new LambdaHandlerDefinitionError(
      `responseStreaming is on but the function URL's invoke mode is ${mode}: give addFunctionUrl() invokeMode: InvokeMode.RESPONSE_STREAM (and ${INVOKE_MODE_ENV}), or remove responseStreaming.`,
    );
  }
  // @types/aws-lambda declares the global as always there; it is only inside Lambda's runtime.
  const { awslambda } = globalThis as unknown as {
    awslambda?: AwsLambdaGlobal;
  };
  if (typeof awslambda?.streamifyResponse !== 'function') {
    throw new LambdaHandlerDefinitionError(
      "responseStreaming needs the awslambda global of Lambda's Node.js runtime, which this process lacks: run it on Lambda (nodejs24.x), under the dev server, or install the test kit's installAwsLambdaGlobal() first.",
    );
  }
  return awslambda;
}
