import type { SQSRecord } from 'aws-lambda';
import type {
  LambdaHttpRequest,
  LambdaInvocation,
} from '@create-nest-lambda/runtime';

/**
 * The correlation id of a request or invocation, to stamp on what it produces: the caller's
 * `x-correlation-id` header (HTTP), the `correlationId` message attribute (SQS), else the Lambda
 * request id.
 */
export function correlationIdOf(
  request: LambdaHttpRequest | LambdaInvocation,
): string {
  return (
    fromHeader(request) ??
    fromMessageAttribute(request) ??
    request.context.awsRequestId
  );
}

function fromHeader(request: LambdaHttpRequest | LambdaInvocation) {
  if (!('headers' in request)) return undefined;
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

function fromMessageAttribute(request: LambdaHttpRequest | LambdaInvocation) {
  if (!('record' in request) || request.trigger !== 'sqs') return undefined;
  const record = request.record as SQSRecord;
  return record.messageAttributes.correlationId?.stringValue || undefined;
}
