import { Controller, Get } from '@nestjs/common';

/** A liveness check for load balancers and smoke tests; a singleton, so it costs no per-request DI. */
@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
