import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import type { HttpTriggerDefinition } from '../triggers/trigger.types.js';
import type { LambdaHttpAdapter } from './lambda-http.adapter.js';
import { LambdaHttpResponse } from './lambda-http.response.js';

// One HTTP invocation: the trigger's request, Nest's routes on the adapter, the trigger's result.
export async function handleHttpEvent<TEvent, TResult>(
  definition: HttpTriggerDefinition<TEvent, TResult>,
  adapter: LambdaHttpAdapter,
  event: TEvent,
  invocation: LambdaInvocation,
): Promise<TResult> {
  const request = definition.toRequest(event, invocation);
  const response = new LambdaHttpResponse();
  await adapter.handle(request, response);
  return definition.toResult(response, request);
}
