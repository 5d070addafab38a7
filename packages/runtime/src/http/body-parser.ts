import { BadRequestException } from '@nestjs/common';
import { firstValue } from './first-value.js';
import { parseQuery } from './http-event-parts.js';
import type { LambdaHttpRequest } from './lambda-http.request.js';

/**
 * Sets `request.body` from the event's body, as Express's JSON, URL-encoded and text parsers
 * would; any other content type stays bytes (a `Buffer`), or text when it has no content type.
 * Invalid JSON is a 400, as it is over HTTP. The request stream still holds the body, for
 * middleware that reads it.
 */
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

// As body-parser's JSON parser in its default strict mode: an empty body is `{}`, and only an
// object or an array is accepted, with the message body-parser gives.
function parseJson(body: string): unknown {
  try {
    if (body.length === 0) return {};
    const first = FIRST_CHARACTER.exec(body)?.[1];
    if (first !== undefined && first !== '{' && first !== '[') {
      throw strictSyntaxError(body, first);
    }
    return JSON.parse(body);
  } catch (error) {
    throw new BadRequestException((error as Error).message, { cause: error });
  }
}

const FIRST_CHARACTER = /^[ \t\n\r]*([^ \t\n\r])/;

// JSON.parse's own message for the first character, as body-parser builds it.
function strictSyntaxError(body: string, first: string): Error {
  const index = body.indexOf(first);
  const partial = body.slice(0, index) + '#'.repeat(body.length - index);
  try {
    JSON.parse(partial);
    return new SyntaxError('strict violation');
  } catch (error) {
    return new SyntaxError(
      (error as Error).message.replace(/#+/g, (placeholder) =>
        body.slice(index, index + placeholder.length),
      ),
    );
  }
}

function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end))
    .trim()
    .toLowerCase();
}
