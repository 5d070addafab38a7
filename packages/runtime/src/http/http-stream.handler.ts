import { Logger } from '@nestjs/common';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import type { HttpTriggerDefinition } from '../triggers/trigger.types.js';
import type { LambdaHttpAdapter } from './lambda-http.adapter.js';
import { failStream, LambdaStreamSink } from './lambda-stream.sink.js';
import type {
  AwsLambdaGlobal,
  LambdaResponseStream,
} from './response-streaming.js';

const logger = new Logger('LambdaHttpAdapter');

/**
 * One streamed HTTP invocation: the trigger's request, Nest's routes on the adapter, and the
 * response written to Lambda's response stream as it is written, ended once the response ends.
 * When the stream closes first (the client went away), the response closes too, as over HTTP, so
 * an `@Sse()` route unsubscribes from its Observable. Resolves once the stream has ended.
 */
export async function streamHttpEvent(
  definition: HttpTriggerDefinition<unknown, unknown>,
  adapter: LambdaHttpAdapter,
  event: unknown,
  invocation: LambdaInvocation,
  stream: LambdaResponseStream,
  awslambda: AwsLambdaGlobal,
): Promise<void> {
  let sink: LambdaStreamSink | undefined;
  try {
    const { request, response } = adapter.createExchange(
      definition.toRequest(event, invocation),
    );
    sink = new LambdaStreamSink(response, request, stream, awslambda);
    response.streamTo(sink);
    const gone = (error?: Error) => {
      if (error) logger.error(error);
      if (!response.writableEnded) response.destroy();
    };
    stream.on('close', () => gone());
    stream.on('error', gone);
    await adapter.handle(request, response);
    await sink.end();
  } catch (error) {
    // Only errors outside Nest's exception layer (the event itself is malformed) land here.
    logger.error(error);
    await (sink ? sink.fail() : failStream(stream, awslambda));
  }
}
