import type { LoggerService } from '@nestjs/common';
import { vi } from 'vitest';

/** A Nest logger that records error lines, for asserting what the kit logs. */
export function recordingLogger() {
  const errors: string[] = [];
  const logger: LoggerService = {
    log: vi.fn(),
    warn: vi.fn(),
    error: vi.fn((message: unknown) => {
      errors.push(message instanceof Error ? message.message : String(message));
    }),
  };
  /** The lines the kit logs for failed records. */
  const failures = () => errors.filter((line) => line.startsWith('Record '));
  return { logger, errors, failures };
}
