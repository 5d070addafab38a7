import { STATUS_CODES } from 'node:http';
import { StreamableFile } from '@nestjs/common';
import type { LambdaHttpResponse } from './lambda-http.response.js';

// What `HttpServer.reply()` must do (see its contract in @nestjs/common), on the response
// accumulator: empty bodies, `StreamableFile`s, objects as JSON, anything else as text. Unlike
// Express, which would serialize it as JSON, a returned `Buffer` is sent as bytes.
export function reply(
  response: LambdaHttpResponse,
  body: unknown,
  statusCode?: number,
): unknown {
  if (statusCode !== undefined) response.status(statusCode);
  if (body === null || body === undefined) return response.send();
  if (body instanceof StreamableFile) return replyWithFile(response, body);
  if (body instanceof Uint8Array) return response.send(body);
  if (body instanceof Error && response.statusCode >= 400) {
    return response.json({
      statusCode: response.statusCode,
      message: STATUS_CODES[response.statusCode] ?? 'Error',
    });
  }
  return typeof body === 'object'
    ? response.json(body)
    : response.send(String(body as string | number | boolean | bigint));
}

// The whole stream is read: a Lambda result is one payload, not a stream.
async function replyWithFile(
  response: LambdaHttpResponse,
  file: StreamableFile,
): Promise<void> {
  const { type, disposition, length } = file.getHeaders();
  if (!response.hasHeader('content-type'))
    response.type(type ?? 'application/octet-stream');
  if (disposition && !response.hasHeader('content-disposition')) {
    response.setHeader('content-disposition', disposition);
  }
  if (length !== undefined) response.setHeader('content-length', length);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) {
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk as Uint8Array),
      );
    }
    response.end(Buffer.concat(chunks));
  } catch (error) {
    file.errorHandler(error as Error, response as never);
  }
}
