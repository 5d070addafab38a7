import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import type { HttpTriggerDefinition } from '../triggers/trigger.types.js';
import type { LambdaHttpAdapter } from './lambda-http.adapter.js';

/**
 * One HTTP invocation: the trigger's request, Nest's routes on the adapter, the trigger's result.
 */
export async function handleHttpEvent<TEvent, TResult>(
  definition: HttpTriggerDefinition<TEvent, TResult>,
  adapter: LambdaHttpAdapter,
  event: TEvent,
  invocation: LambdaInvocation,
): Promise<TResult> {
  const { request, response } = adapter.createExchange(
    definition.toRequest(event, invocation),
  );
  await adapter.handle(request, response);
  return definition.toResult(response, request);
}
