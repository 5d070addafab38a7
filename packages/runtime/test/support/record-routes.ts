import { Delete, Get, HttpCode, Param, ParseIntPipe } from '@nestjs/common';

/**
 * Routes of one record by its numeric id, which the adapter test's controller and the differential
 * suite's both serve (each extends this under its own `@Controller` path). Nest registers a
 * subclass's own routes before these, so its fixed paths (`/orders/text`) win over `:id`.
 */
export abstract class RecordRoutes {
  /** `{ id }`, or 400 from ParseIntPipe when the id is not a number. */
  @Get(':id')
  find(@Param('id', ParseIntPipe) id: number) {
    return { id };
  }

  /** 204: the returned value must not be sent. */
  @Delete(':id')
  @HttpCode(204)
  remove() {
    return { ignored: true };
  }
}
