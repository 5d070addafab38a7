import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';

/**
 * What every Lambda function of the app needs, whatever its trigger. AppModule imports it for the
 * api function; the feature module of each function `nest g lambda-handler` adds imports it too, so
 * that function boots its own module alone. Put here only what every function uses.
 */
@Module({
  providers: [
    // Validates every @Body() against its class-validator DTO, for HTTP requests and event records alike.
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, transform: true }),
    },
  ],
})
export class CoreModule {}
