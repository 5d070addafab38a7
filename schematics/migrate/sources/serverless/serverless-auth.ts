// The authorizer of a Serverless `http` or `httpApi` event. `aws_iam`, a JWT authorizer of
// `provider.httpApi.authorizers` (httpApi) and a Cognito user pool ARN (http) carry over; a
// Lambda authorizer or an API key (`private: true`) is refused.
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
  httpAuthorizers: Raw;
  where: string;
  /** `GET /orders`, for messages. */
  route: string;
}

/** The route's authorization, undefined for a public route; throws for one migrate cannot carry. */
export function serverlessRouteAuth(
  type: 'http' | 'httpApi',
  props: Raw,
  context: RouteContext,
): PlannedAuth | undefined {
  const refuse = (what: string) =>
    refuseProtectedRoute(context.where, context.route, what);
  if (props.private === true) refuse('an API key (private: true)');
  const raw = props.authorizer;
  if (raw === undefined) return undefined;
  const authorizer =
    typeof raw === 'string'
      ? raw.startsWith('arn:')
        ? { arn: raw }
        : { name: raw }
      : asRecord(raw);
  const kind = asText(authorizer.type).toLowerCase();
  const name = asText(authorizer.name);
  if (kind === 'aws_iam' || name === 'aws_iam') return { kind: 'iam' };
  const read = (value: unknown) => context.reader.read(value, context.where);
  if (type === 'httpApi') {
    const definition = asRecord(context.httpAuthorizers[name]);
    const isLambda =
      definition.type === 'request' ||
      definition.functionName !== undefined ||
      definition.functionArn !== undefined;
    const auth = isLambda
      ? undefined
      : jwtAuth(
          name,
          definition.issuerUrl === undefined
            ? undefined
            : read(definition.issuerUrl),
          [definition.audience]
            .flat()
            .filter((a) => a !== undefined)
            .flatMap((a) => read(a) ?? []),
          definition.identitySource,
          authorizer.scopes,
        );
    return (
      auth ??
      refuse(
        isLambda
          ? `the Lambda authorizer ${name}`
          : `the authorizer ${name || 'of the event'}, which provider.httpApi.authorizers does not define as a JWT authorizer`,
      )
    );
  }
  const arn = authorizer.arn;
  const cognito =
    kind === 'cognito_user_pools' ||
    (typeof arn === 'string' && arn.includes(':cognito-idp:'));
  const userPoolArn = cognito && arn !== undefined ? read(arn) : undefined;
  if (userPoolArn !== undefined) {
    return {
      kind: 'cognito',
      name: name || 'CognitoAuthorizer',
      userPoolArn,
      ...scopesOf(authorizer.scopes),
    };
  }
  return refuse(`the Lambda authorizer ${asText(name || arn, 'of the event')}`);
}
