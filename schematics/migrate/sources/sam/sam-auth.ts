// The authorizer of a SAM `Api` or `HttpApi` event: the event's `Auth.Authorizer`, else its API's
// `DefaultAuthorizer`, looked up in the API's `Auth.Authorizers`. `AWS_IAM`, a JWT configuration
// (HttpApi) and a Cognito user pool (Api) carry over; a Lambda authorizer or an API key is refused.
import {
  jwtAuth,
  refuseProtectedRoute,
  scopesOf,
} from '../../plan/authorizers.js';
import type { IntrinsicReader } from '../../plan/intrinsics.js';
import type { PlannedAuth } from '../../plan/plan.js';
import { asRecord, asText, type Raw } from '../../plan/values.js';

interface RouteContext {
  reader: IntrinsicReader;
  where: string;
  /** `GET /orders`, for messages. */
  route: string;
  /** The API's logical id, for messages. */
  api: string;
}

/** The route's authorization, undefined for a public route; throws for one migrate cannot carry. */
export function samRouteAuth(
  type: 'Api' | 'HttpApi',
  eventAuth: Raw,
  apiAuth: Raw,
  context: RouteContext,
): PlannedAuth | undefined {
  const refuse = (what: string) =>
    refuseProtectedRoute(context.where, context.route, what);
  const named = eventAuth.Authorizer ?? apiAuth.DefaultAuthorizer;
  if (named === undefined || named === 'NONE') {
    if ((eventAuth.ApiKeyRequired ?? apiAuth.ApiKeyRequired) === true)
      refuse(`an API key required by ${context.api}`);
    return undefined;
  }
  const name = asText(named, 'of its Auth');
  if (name === 'AWS_IAM') return { kind: 'iam' };
  const definition = asRecord(asRecord(apiAuth.Authorizers)[name]);
  const scopes =
    eventAuth.AuthorizationScopes ?? definition.AuthorizationScopes;
  const jwt = asRecord(definition.JwtConfiguration);
  if (type === 'HttpApi' && definition.JwtConfiguration !== undefined) {
    const read = (value: unknown) => context.reader.read(value, context.where);
    const auth = jwtAuth(
      name,
      read(jwt.issuer ?? jwt.Issuer),
      [jwt.audience ?? jwt.Audience]
        .flat()
        .filter((a) => a !== undefined)
        .flatMap((a) => read(a) ?? []),
      definition.IdentitySource,
      scopes,
    );
    if (auth !== undefined) return auth;
  }
  if (type === 'Api' && definition.UserPoolArn !== undefined) {
    const [pool] = [definition.UserPoolArn].flat();
    const userPoolArn = context.reader.read(pool, context.where);
    if (userPoolArn !== undefined)
      return { kind: 'cognito', name, userPoolArn, ...scopesOf(scopes) };
  }
  return refuse(
    definition.FunctionArn !== undefined
      ? `the Lambda authorizer ${name} of ${context.api}`
      : `the authorizer ${name}, which ${context.api} does not define in a form migrate knows`,
  );
}
