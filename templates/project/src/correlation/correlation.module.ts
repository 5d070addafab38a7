import { Global, Module } from '@nestjs/common';
import { CorrelationId } from './correlation-id.provider.js';

@Global()
@Module({
  providers: [CorrelationId],
  exports: [CorrelationId],
})
export class CorrelationModule {}
