import { IsInt, IsNotEmpty, IsNumber, IsString, Min } from 'class-validator';
import type { OrderLine } from './order-logic.js';

/** What `ValidationPipe` checks `@Body()` against, for HTTP requests and SQS messages alike. */
export class OrderLineDto implements OrderLine {
  @IsString()
  @IsNotEmpty()
  orderId!: string;

  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;

  @IsNumber()
  @Min(0)
  unitPrice!: number;
}
