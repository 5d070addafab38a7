import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsInt,
  IsNotEmpty,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

export class OrderLineDto {
  @IsString()
  @IsNotEmpty()
  sku: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

/** The body of `POST /orders`; the global ValidationPipe answers 400 when it does not hold. */
export class CreateOrderDto {
  @IsString()
  @IsNotEmpty()
  customerId: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => OrderLineDto)
  lines: OrderLineDto[];
}
