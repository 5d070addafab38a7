// Routes behind an authorizer (JWT, Lambda, Cognito, IAM, API keys). migrate does not carry
// authorizers over yet, and it never turns a protected route into a public one: a function with
// such a route is refused, naming the route, the authorizer and the way out.

/** Throws the one-line refusal for a protected route. */
export function refuseProtectedRoute(
  where: string,
  route: string,
  authorizer: string,
): never {
  throw new Error(
    `${where} (${route}) is protected by ${authorizer}; migrate does not carry authorizers over yet and will not make the route public, so leave this function out with --name`,
  );
}

/**
 * The reason given when cdk-nag's authorization rules are acknowledged on a migrated route: true
 * whatever the source, as a route with an authorizer never gets this far.
 */
export const NO_AUTHORIZER_REASON =
  'migrate found no authorizer on this route in the legacy source, and refuses the routes that have one; add an authorizer here before the route serves anything that needs one.';
