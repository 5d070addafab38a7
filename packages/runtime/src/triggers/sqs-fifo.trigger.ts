// SQS FIFO queues. Records run one at a time, in order. Once a record of a message group fails,
// the later records of that group in the batch are reported failed without running (logged with
// SqsFifoMessageGroupShortCircuitError), so SQS redelivers the group in order; records of other
// groups go on. The trigger is chosen in `createHandler`, never guessed from the event.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { processFifo } from '../batch/fifo-batch.processor.js';
import { SqsRecords } from './sqs.trigger.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/** SQS FIFO queues: records in order, a failed message group stopped (see `processFifo`). */
export const sqsFifoTrigger: EventTriggerDefinition<
  SQSEvent,
  SQSBatchResponse
> = {
  kind: 'event',
  source: 'sqs',
  handle: (event, invocation, [method]) =>
    processFifo(new SqsRecords(event.Records ?? [], invocation, method!)),
};
