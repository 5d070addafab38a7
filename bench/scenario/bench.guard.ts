import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

const CLOSED = 'bench:closed';

/** Marks a class whose methods the guard refuses. */
export const Closed = (): ClassDecorator => SetMetadata(CLOSED, true);

/** A guard that reads metadata with the Reflector, as role and auth guards do. */
@Injectable()
export class BenchGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    return (
      this.reflector.get<boolean | undefined>(CLOSED, context.getClass()) !==
      true
    );
  }
}
