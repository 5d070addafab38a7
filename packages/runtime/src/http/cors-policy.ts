import { CorsPolicyError } from '../errors.js';

// The one check of a function's CORS policy. The generated `<fn>.cors.ts` exports its policy
// through `corsPolicy()`, so whatever imports that file checks it on load: the infra construct at
// `cdk synth`, the entry at Lambda init (REST API and ALB functions apply the policy themselves),
// and the dev server. The rules live here alone: the cdk package and the templates only read the
// policy that passed.

/** A method that web pages on other origins may call a function with. */
export type CorsMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
] satisfies CorsMethod[];

/** Which web pages on other origins may call a function, and how (CORS). */
export interface CorsPolicy {
  /** Origins as browsers send them (`https://app.example.com`), or `['*']` for any origin. */
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly CorsMethod[];
  /** Request headers beyond the CORS-safelisted ones, e.g. `content-type` for JSON bodies. */
  readonly allowHeaders: readonly string[];
  /** Response headers that page scripts may read besides the safelisted ones. */
  readonly exposeHeaders?: readonly string[];
  /** Whether browsers send cookies and `Authorization` along; never with the origin `*`. */
  readonly allowCredentials?: boolean;
  /** How long browsers may reuse a preflight's answer, in seconds (0 to 86400). */
  readonly maxAgeSeconds?: number;
}

/** At most a day: API Gateway and function URLs refuse more, and browsers cap it lower anyway. */
const MAX_AGE_LIMIT = 86_400;

// An HTTP header name is a token (RFC 9110, section 5.6.2): no spaces, colons or quotes.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Why `origin` is not one as browsers send it, with what to write instead; none if it is. */
function originProblem(origin: string): string | undefined {
  if (origin === '*') return undefined;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `write it as scheme://host[:port], e.g. "https://app.example.com"`;
  }
  if (url.origin === origin) return undefined;
  return url.origin === 'null'
    ? `write it as scheme://host[:port], e.g. "https://app.example.com"`
    : `write "${url.origin}" (scheme://host[:port], no path and no trailing slash)`;
}

/** The first problem of `policy`, naming the field and the fix; none if it is sound. */
function policyProblem(policy: CorsPolicy): string | undefined {
  const { allowOrigins, allowMethods, maxAgeSeconds } = policy;
  if (allowOrigins.length === 0) {
    return 'allowOrigins is empty: list the origins of the pages that call the function, or export CORS as undefined to allow none.';
  }
  for (const origin of allowOrigins) {
    const problem = originProblem(origin);
    if (problem)
      return `allowOrigins has "${origin}", which is not an origin: ${problem}.`;
  }
  if (policy.allowCredentials && allowOrigins.includes('*')) {
    return 'allowOrigins has "*" with allowCredentials: true, which browsers refuse: list the origins, or drop allowCredentials.';
  }
  if (allowMethods.length === 0) {
    return `allowMethods is empty: list the methods pages may call with, e.g. ['GET', 'POST'].`;
  }
  const method = allowMethods.find((name) => !METHODS.includes(name));
  if (method !== undefined) {
    return `allowMethods has "${method}": use ${METHODS.join(', ')} (preflights need no OPTIONS).`;
  }
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    const header = policy[field]?.find((name) => !TOKEN.test(name));
    if (header !== undefined) {
      return `${field} has "${header}", which is not a header name: write one name per entry, without spaces or colons.`;
    }
  }
  if (
    maxAgeSeconds !== undefined &&
    !(
      Number.isInteger(maxAgeSeconds) &&
      maxAgeSeconds >= 0 &&
      maxAgeSeconds <= MAX_AGE_LIMIT
    )
  ) {
    return `maxAgeSeconds is ${maxAgeSeconds}: give whole seconds from 0 to ${MAX_AGE_LIMIT}, or leave it out.`;
  }
  return undefined;
}

/**
 * Checks the CORS policy of function `name` and returns it: a wrong policy throws a
 * `CorsPolicyError` naming the field and the fix, at `cdk synth` and at init alike.
 *
 * @example
 * ```ts
 * export const CORS: CorsPolicy | undefined = corsPolicy('orders', {
 *   allowOrigins: ['https://app.example.com'],
 *   allowMethods: ['GET', 'POST'],
 *   allowHeaders: ['content-type'],
 * });
 * ```
 */
export function corsPolicy(
  name: string,
  policy: CorsPolicy | undefined,
): CorsPolicy | undefined {
  const problem = policy && policyProblem(policy);
  if (problem) {
    throw new CorsPolicyError(
      `The CORS policy of the ${name} function (src/functions/${name}.cors.ts): ${problem}`,
    );
  }
  return policy;
}
