import type {
  APIGatewayProxyStructuredResultV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import type { HttpTriggerDefinition } from './trigger.types.js';
import { requestFromV2, resultFromV2 } from './http-api.trigger.js';

/** Lambda function URLs: the HTTP API payload 2.0, with the stage always `$default`. */
export const functionUrlTrigger: HttpTriggerDefinition<
  LambdaFunctionURLEvent,
  APIGatewayProxyStructuredResultV2
> = {
  kind: 'http',
  toRequest: requestFromV2,
  toResult: resultFromV2,
};
