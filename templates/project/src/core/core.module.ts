import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { CorrelationModule } from '../correlation/correlation.module.js';

/**
 * What every function of the service needs, whatever its trigger. Each feature module imports it,
 * so that a function's entry can boot its own feature module alone: its bundle then holds that
 * function's code and this, not the other functions' code. The global modules of the request
 * providers (CorrelationModule, and those `nest g request-provider` adds) are imported here, so
 * that they are in every function's graph. A module only some functions need (a database, an API
 * client) goes into the imports of their feature modules instead.
 */
@Module({
  imports: [CorrelationModule],
  providers: [
    // Validates every @Body() against its class-validator DTO, for HTTP requests and event records alike.
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, transform: true }),
    },
  ],
})
export class CoreModule {}
