import { describe, expect, it } from 'vitest';
import { externalModules } from '../src/index.js';

describe('externalModules', () => {
  it("leaves the runtime's Powertools features out of a service that does not depend on them, and bundles the ones it does", () => {
    const none = externalModules({});
    const withIdempotency = externalModules({
      '@aws-lambda-powertools/idempotency': '^2.35.0',
    });
    for (const pkg of [
      '@aws-lambda-powertools/idempotency',
      '@aws-lambda-powertools/metrics',
      '@aws-lambda-powertools/tracer',
    ]) {
      expect(none).toContain(pkg);
    }
    expect(withIdempotency).not.toContain('@aws-lambda-powertools/idempotency');
    expect(withIdempotency).toContain('@aws-lambda-powertools/metrics');
  });
});
