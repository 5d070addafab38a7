import { type Provider, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';

/** The global ValidationPipe, configured as the generated AppModule configures it. */
export const VALIDATION_PIPE: Provider = {
  provide: APP_PIPE,
  useValue: new ValidationPipe({ whitelist: true, transform: true }),
};
