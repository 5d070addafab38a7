import { IsNotEmpty, IsNumber, IsPositive, IsString } from 'class-validator';

/** The body of an "order placed" SQS message; a record whose body does not hold this fails alone. */
export class OrderPlacedMessage {
  @IsString()
  @IsNotEmpty()
  orderId: string;

  @IsString()
  @IsNotEmpty()
  customerId: string;

  @IsNumber()
  @IsPositive()
  total: number;
}
