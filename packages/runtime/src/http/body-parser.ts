import { BadRequestException } from '@nestjs/common';
import { parseQuery } from './http-event-parts.js';
import { firstValue, type LambdaHttpRequest } from './lambda-http.request.js';

// Sets `request.body` from the event's body, as Express's JSON, URL-encoded and text parsers
// would; any other content type stays bytes (a `Buffer`), or text when it has no content type.
// Invalid JSON is a 400, as it is over HTTP. The request stream still holds the body, for
// middleware that reads it.
export function parseBody(request: LambdaHttpRequest): void {
  const source = request.rawBody;
  if (source === undefined) return;
  const type = mediaType(firstValue(request.headers['content-type']));
  if (type === 'application/json' || type.endsWith('+json')) {
    request.body = parseJson(source.toString('utf8'));
  } else if (type === 'application/x-www-form-urlencoded') {
    request.body = parseQuery(source.toString('utf8'));
  } else if (type.startsWith('text/') || type === '') {
    request.body = source.toString('utf8');
  } else {
    request.body = source;
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new BadRequestException((error as Error).message, { cause: error });
  }
}

function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end))
    .trim()
    .toLowerCase();
}
