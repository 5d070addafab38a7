import { describe, expect, it } from 'vitest';
import type { SQSRecord } from 'aws-lambda';
import type {
  LambdaHttpRequest,
  LambdaInvocation,
} from '@create-nest-lambda/runtime';
import { lambdaContext } from '../../test/support/lambda-context.js';
import { correlationIdOf } from './correlation-id.js';

const context = lambdaContext('correlation');

function httpRequest(headers: Record<string, string>): LambdaHttpRequest {
  return { headers, context } as unknown as LambdaHttpRequest;
}

function sqsInvocation(attribute?: string): LambdaInvocation {
  const record = {
    messageAttributes: attribute
      ? { correlationId: { dataType: 'String', stringValue: attribute } }
      : {},
  } as unknown as SQSRecord;
  return { trigger: 'sqs', record, context } as unknown as LambdaInvocation;
}

describe('correlationIdOf', () => {
  it("takes the caller's x-correlation-id header over HTTP", () => {
    expect(correlationIdOf(httpRequest({ 'x-correlation-id': 'corr-1' }))).toBe(
      'corr-1',
    );
  });

  it('takes the correlationId message attribute of an SQS record', () => {
    expect(correlationIdOf(sqsInvocation('corr-2'))).toBe('corr-2');
  });

  it('falls back to the Lambda request id', () => {
    expect(correlationIdOf(httpRequest({ 'x-correlation-id': '' }))).toBe(
      context.awsRequestId,
    );
    expect(correlationIdOf(sqsInvocation())).toBe(context.awsRequestId);
  });
});
