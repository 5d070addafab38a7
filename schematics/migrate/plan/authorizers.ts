// Routes behind an authorizer. IAM, JWT (HTTP APIs) and Cognito user pool (REST APIs) authorizers
// are carried over with the real CDK authorizers; a Lambda authorizer or an API key is not, and
// migrate never turns a protected route into a public one: that function is refused, naming the
// route, the authorizer and the way out.
import type { PlannedAuth, Value } from './plan.js';

/** Throws the one-line refusal for a route whose authorizer migrate does not carry over. */
export function refuseProtectedRoute(
  where: string,
  route: string,
  authorizer: string,
): never {
  throw new Error(
    `${where} (${route}) is protected by ${authorizer}, which migrate does not carry over (it carries IAM, JWT and Cognito authorizers) and will not make public; leave this function out with --name and add its route with the authorizer by hand`,
  );
}

/** The scopes a route asks for, when it lists any. */
export function scopesOf(value: unknown): { scopes?: string[] } {
  const scopes = [value]
    .flat()
    .filter((s): s is string => typeof s === 'string');
  return scopes.length === 0 ? {} : { scopes };
}

/** A JWT authorizer of an HTTP API; undefined when the issuer is missing. */
export function jwtAuth(
  name: string,
  issuer: Value | undefined,
  audience: Value[],
  identitySource: unknown,
  scopes: unknown,
): PlannedAuth | undefined {
  if (issuer === undefined) return undefined;
  const sources = [identitySource]
    .flat()
    .filter((s): s is string => typeof s === 'string');
  return {
    kind: 'jwt',
    name,
    issuer,
    audience,
    ...(sources.length === 0 ? {} : { identitySource: sources }),
    ...scopesOf(scopes),
  };
}

/**
 * The reason given when cdk-nag's authorization rules are acknowledged on a migrated route: true
 * whatever the source, as it is given only to routes that had no authorizer.
 */
export const NO_AUTHORIZER_REASON =
  'migrate found no authorizer on this route in the legacy source (routes with one keep it, or are refused); add an authorizer here before the route serves anything that needs one.';

/** COG4 on a route that keeps its legacy IAM authorization. */
export const IAM_NOT_COGNITO_REASON =
  'The legacy route took IAM authorization, and so does this one; it has no Cognito user pool to use.';
