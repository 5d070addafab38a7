import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import {
  multiValues,
  rawQueryString,
  requestParts,
  requestTime,
  shortRequestId,
  singleValues,
  type HttpRequestOptions,
  type RequestParts,
} from './http-request.options.js';

// Each factory starts from the headers and request context of a real payload (Powertools'
// apigw-http-no-auth, apigw-rest-no-auth, lambda-get-request and alb-base events) and sets what
// the request changes. Tests compare each result's keys and value types with those payloads.

/** Options of `httpApiEvent()`: the request, plus what its route in API Gateway declares. */
export interface HttpApiEventOptions extends HttpRequestOptions {
  /** `$default` (the default) or a named stage, which API Gateway puts in front of the path. */
  readonly stage?: string;
  /** E.g. `ANY /{proxy+}`; defaults to `$default`. */
  readonly routeKey?: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
}

/** Options of `restApiEvent()`. */
export interface RestApiEventOptions extends HttpRequestOptions {
  /** Defaults to `prod`. */
  readonly stage?: string;
  /** The API Gateway resource; defaults to `/{proxy+}`, which sets `pathParameters.proxy`. */
  readonly resource?: string;
  readonly pathParameters?: Readonly<Record<string, string>>;
}

/** Options of `albEvent()`. */
export interface AlbEventOptions extends HttpRequestOptions {
  /** Whether the target group has multi-value headers enabled. */
  readonly multiValueHeaders?: boolean;
}

const V2_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  'accept-encoding': 'gzip, deflate',
  'user-agent': 'local',
  'x-amzn-trace-id': 'Root=1-66705bc7-2b4257df30cbee696ef2cf28',
  'x-forwarded-port': '443',
  'x-forwarded-proto': 'https',
};

function v2Event(
  parts: RequestParts,
  domainName: string,
  context: { accountId: string; stage: string; routeKey: string },
) {
  const now = new Date();
  const rawPath =
    context.stage === '$default'
      ? parts.path
      : `/${context.stage}${parts.path}`;
  const rawQuery = rawQueryString(parts.query);
  const headers: Record<string, string> = {
    ...V2_HEADERS,
    host: domainName,
    'x-forwarded-for': parts.sourceIp,
    ...singleValues(
      parts.headers.filter(([name]) => name !== 'cookie'),
      'comma',
    ),
  };
  const cookies = [
    ...parts.headers
      .filter(([name]) => name === 'cookie')
      .flatMap(([, value]) => value.split(/;\s*/)),
    ...parts.cookies,
  ];
  return {
    version: '2.0',
    routeKey: context.routeKey,
    rawPath,
    rawQueryString: rawQuery,
    ...(cookies.length > 0 && { cookies }),
    headers,
    ...(parts.query.length > 0 && {
      queryStringParameters: singleValues(parts.query, 'comma'),
    }),
    requestContext: {
      accountId: context.accountId,
      apiId: domainName.split('.')[0]!,
      domainName,
      domainPrefix: domainName.split('.')[0]!,
      http: {
        method: parts.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: parts.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: shortRequestId(),
      routeKey: context.routeKey,
      stage: context.stage,
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(parts.body !== undefined && { body: parts.body }),
    isBase64Encoded: parts.isBase64Encoded,
  };
}

/**
 * An API Gateway HTTP API event (payload 2.0): `rawQueryString`, repeated query keys and headers
 * joined by commas, cookies in `cookies`, a named stage in front of the path.
 *
 * @example
 * ```ts
 * await handler(httpApiEvent({ method: 'POST', path: '/orders', body: { sku: 'A1' } }));
 * ```
 */
export function httpApiEvent(
  options: HttpApiEventOptions = {},
): APIGatewayProxyEventV2 {
  const event = v2Event(
    requestParts(options),
    'lsw1ro4ipb.execute-api.us-east-1.amazonaws.com',
    {
      accountId: '123456789012',
      stage: options.stage ?? '$default',
      routeKey: options.routeKey ?? '$default',
    },
  );
  return {
    ...event,
    ...(options.pathParameters && { pathParameters: options.pathParameters }),
    requestContext: { ...event.requestContext, authorizer: { lambda: null } },
  } as APIGatewayProxyEventV2;
}

/**
 * A Lambda function URL event: payload 2.0 with the `$default` route and stage.
 *
 * @example
 * ```ts
 * await handler(functionUrlEvent({ path: '/webhooks/1' }));
 * ```
 */
export function functionUrlEvent(
  options: HttpRequestOptions = {},
): LambdaFunctionURLEvent {
  return v2Event(
    requestParts(options),
    'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
    { accountId: 'anonymous', stage: '$default', routeKey: '$default' },
  );
}

const V1_HEADERS: Readonly<Record<string, string>> = {
  Accept: '*/*',
  'Accept-Encoding': 'gzip, deflate',
  'CloudFront-Forwarded-Proto': 'https',
  'CloudFront-Is-Desktop-Viewer': 'true',
  'CloudFront-Is-Mobile-Viewer': 'false',
  'CloudFront-Is-SmartTV-Viewer': 'false',
  'CloudFront-Is-Tablet-Viewer': 'false',
  'CloudFront-Viewer-ASN': '7224',
  'CloudFront-Viewer-Country': 'GB',
  Host: 'puhdx84jy9.execute-api.us-east-1.amazonaws.com',
  'User-Agent': 'local',
  Via: '1.1 49c0c4776e390b983c9f9f5365e3140c.cloudfront.net (CloudFront)',
  'X-Amz-Cf-Id': 'x9VncJ8IMo4X5UQEL8-Xg94vWwwuokofx236RgW1CrFCTh9DnPrgJA==',
  'X-Amzn-Trace-Id': 'Root=1-66704cad-0fbaf1491365339d168b2a7d',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
};

// Request headers over the defaults: a request header replaces the default of any case.
function headerPairs(parts: RequestParts, defaults: Record<string, string>) {
  const given = new Set(parts.headers.map(([name]) => name));
  const cookie =
    parts.cookies.length > 0
      ? [['cookie', parts.cookies.join('; ')] as const]
      : [];
  return [
    ...Object.entries(defaults).filter(
      ([name]) => !given.has(name.toLowerCase()),
    ),
    ...parts.headers,
    ...cookie,
  ];
}

/**
 * An API Gateway REST API event (payload 1.0), to a `/{proxy+}` resource unless told: headers
 * and query in both single- and multi-value maps, `null` where API Gateway sends `null`.
 *
 * @example
 * ```ts
 * await handler(restApiEvent({ path: '/orders?tag=a&tag=b', headers: { 'x-tenant': 't1' } }));
 * ```
 */
export function restApiEvent(
  options: RestApiEventOptions = {},
): APIGatewayProxyEvent {
  const parts = requestParts(options);
  const stage = options.stage ?? 'prod';
  const resource = options.resource ?? '/{proxy+}';
  const headers = headerPairs(parts, {
    ...V1_HEADERS,
    'X-Forwarded-For': parts.sourceIp,
  });
  const now = new Date();
  const userAgent =
    headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? null;
  const pathParameters =
    options.pathParameters ??
    (resource === '/{proxy+}' ? { proxy: parts.path.slice(1) } : null);
  return {
    resource,
    path: parts.path,
    httpMethod: parts.method,
    headers: singleValues(headers, 'last'),
    multiValueHeaders: multiValues(headers),
    queryStringParameters:
      parts.query.length > 0 ? singleValues(parts.query, 'last') : null,
    multiValueQueryStringParameters:
      parts.query.length > 0 ? multiValues(parts.query) : null,
    pathParameters,
    stageVariables: null,
    requestContext: {
      resourceId: '3nq1cq',
      resourcePath: resource,
      httpMethod: parts.method,
      extendedRequestId: shortRequestId(),
      requestTime: requestTime(now),
      path: `/${stage}${parts.path}`,
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage,
      domainPrefix: 'puhdx84jy9',
      requestTimeEpoch: now.getTime(),
      requestId: crypto.randomUUID(),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: parts.sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent,
        user: null,
      },
      domainName: 'puhdx84jy9.execute-api.us-east-1.amazonaws.com',
      deploymentId: 'v99qix',
      apiId: 'puhdx84jy9',
    },
    body: parts.body ?? null,
    isBase64Encoded: parts.isBase64Encoded,
    // Real events of a method without an authorizer have no `authorizer`, nor identity's
    // `apiKey`, `apiKeyId` and `clientCert`, which @types/aws-lambda declares required.
  } as unknown as APIGatewayProxyEvent;
}

/**
 * An Application Load Balancer event. Query values stay URL-encoded, as the load balancer sends
 * them; `multiValueHeaders: true` gives the shape of a target group with multi-value headers.
 *
 * @example
 * ```ts
 * await handler(albEvent({ method: 'DELETE', path: '/orders/7' }));
 * ```
 */
export function albEvent(options: AlbEventOptions = {}): ALBEvent {
  const parts = requestParts(options);
  const headers = headerPairs(parts, {
    accept: '*/*',
    'accept-encoding': 'gzip',
    connection: 'keep-alive',
    host: 'lambda-alb-123578498.us-east-1.elb.amazonaws.com',
    'user-agent': 'local',
    'x-amzn-trace-id': 'Root=1-5c536348-3d683b8b04734faae651f476',
    'x-forwarded-for': parts.sourceIp,
    'x-forwarded-port': '80',
    'x-forwarded-proto': 'http',
  });
  const query = parts.query.map(
    ([key, value]) =>
      [encodeURIComponent(key), encodeURIComponent(value)] as const,
  );
  return {
    requestContext: {
      elb: {
        targetGroupArn:
          'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/local/49e9d65c45c6791a',
      },
    },
    httpMethod: parts.method,
    path: parts.path,
    ...(options.multiValueHeaders
      ? {
          multiValueQueryStringParameters: multiValues(query),
          multiValueHeaders: multiValues(headers),
        }
      : {
          queryStringParameters: singleValues(query, 'last'),
          headers: singleValues(headers, 'last'),
        }),
    body: parts.body ?? '',
    isBase64Encoded: parts.isBase64Encoded,
  };
}
