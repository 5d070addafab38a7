import { describe, expect, it } from 'vitest';
import { CorsPolicyError } from '../../src/errors.js';
import { corsPolicy, type CorsPolicy } from '../../src/http/cors-policy.js';

const sound: CorsPolicy = {
  allowOrigins: ['https://app.example.com', 'http://localhost:5173'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['etag'],
  allowCredentials: true,
  maxAgeSeconds: 86_400,
};

const prefix =
  'The CORS policy of the orders function (src/functions/orders.cors.ts): ';

/** The one-line message that `corsPolicy` throws for `sound` with `change` applied. */
function problemWith(
  change: Partial<Record<keyof CorsPolicy, unknown>>,
): string {
  try {
    corsPolicy('orders', { ...sound, ...change } as CorsPolicy);
  } catch (error) {
    expect(error).toBeInstanceOf(CorsPolicyError);
    const { message } = error as Error;
    expect(message.startsWith(prefix)).toBe(true);
    expect(message).not.toContain('\n');
    return message.slice(prefix.length);
  }
  throw new Error('the policy passed');
}

describe('corsPolicy', () => {
  it('returns a sound policy as it is, and undefined (no CORS) as undefined', () => {
    expect(corsPolicy('orders', sound)).toBe(sound);
    expect(corsPolicy('orders', undefined)).toBeUndefined();
    const anyOrigin = {
      ...sound,
      allowOrigins: ['*'],
      allowCredentials: false,
    };
    expect(corsPolicy('orders', anyOrigin)).toBe(anyOrigin);
    expect(corsPolicy('orders', { ...sound, maxAgeSeconds: 0 })).toBeDefined();
  });

  it('refuses "*" among the origins with credentials', () => {
    expect(
      problemWith({ allowOrigins: ['https://app.example.com', '*'] }),
    ).toBe(
      'allowOrigins has "*" with allowCredentials: true, which browsers refuse: list the origins, or drop allowCredentials.',
    );
  });

  it('refuses an origin with a path, a trailing slash, a default port or no scheme, naming what to write', () => {
    expect(problemWith({ allowOrigins: ['https://app.example.com/'] })).toBe(
      'allowOrigins has "https://app.example.com/", which is not an origin: write "https://app.example.com" (scheme://host[:port], no path and no trailing slash).',
    );
    expect(
      problemWith({ allowOrigins: ['https://app.example.com/login'] }),
    ).toContain('write "https://app.example.com" ');
    expect(
      problemWith({ allowOrigins: ['https://App.Example.com:443'] }),
    ).toContain('write "https://app.example.com" ');
    expect(problemWith({ allowOrigins: ['app.example.com'] })).toBe(
      'allowOrigins has "app.example.com", which is not an origin: write it as scheme://host[:port], e.g. "https://app.example.com".',
    );
    expect(problemWith({ allowOrigins: [] })).toBe(
      'allowOrigins is empty: list the origins of the pages that call the function, or export CORS as undefined to allow none.',
    );
  });

  it('refuses empty or unknown methods', () => {
    expect(problemWith({ allowMethods: [] })).toBe(
      "allowMethods is empty: list the methods pages may call with, e.g. ['GET', 'POST'].",
    );
    expect(problemWith({ allowMethods: ['GET', 'get'] })).toBe(
      'allowMethods has "get": use GET, HEAD, POST, PUT, PATCH, DELETE (preflights need no OPTIONS).',
    );
  });

  it('refuses a max age below 0, above a day or not whole', () => {
    for (const maxAgeSeconds of [-1, 86_401, 1.5]) {
      expect(problemWith({ maxAgeSeconds })).toBe(
        `maxAgeSeconds is ${maxAgeSeconds}: give whole seconds from 0 to 86400, or leave it out.`,
      );
    }
  });

  it('refuses header names with spaces or colons, allowed or exposed', () => {
    expect(problemWith({ allowHeaders: ['content-type, authorization'] })).toBe(
      'allowHeaders has "content-type, authorization", which is not a header name: write one name per entry, without spaces or colons.',
    );
    expect(problemWith({ exposeHeaders: ['x-total: count'] })).toBe(
      'exposeHeaders has "x-total: count", which is not a header name: write one name per entry, without spaces or colons.',
    );
  });
});
