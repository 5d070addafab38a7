import { STATUS_CODES } from 'node:http';
import { Logger, StreamableFile } from '@nestjs/common';
import type { LambdaHttpResponse } from './lambda-http.response.js';

const logger = new Logger('LambdaHttpAdapter');

/**
 * What `HttpServer.reply()` must do (see its contract in @nestjs/common), as Nest's ExpressAdapter
 * does it with Express's `send()` and `json()`. Unlike Express, which would serialize it as JSON,
 * a returned `Buffer` is sent as bytes.
 */
export function reply(
  response: LambdaHttpResponse,
  body: unknown,
  statusCode?: number,
): unknown {
  if (statusCode !== undefined) response.status(statusCode);
  if (body === null || body === undefined) return response.send();
  if (body instanceof StreamableFile) return replyWithFile(response, body);
  if (body instanceof Uint8Array) {
    return response.send(
      Buffer.isBuffer(body)
        ? body
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    );
  }
  if (body instanceof Error && response.statusCode >= 400) {
    return response.json({
      statusCode: response.statusCode,
      message: STATUS_CODES[response.statusCode] ?? 'Error',
    });
  }
  const type = response.getHeader('content-type');
  if (
    typeof type === 'string' &&
    !isJson(type) &&
    typeof body === 'object' &&
    response.statusCode >= 400
  ) {
    logger.warn(
      "Content-Type doesn't match Reply body, you might need a custom ExceptionFilter for non-JSON responses",
    );
    response.setHeader('content-type', 'application/json');
  }
  return typeof body === 'object'
    ? response.json(body)
    : response.send(String(body as string | number | boolean | bigint));
}

function isJson(contentType: string): boolean {
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media.startsWith('application/json') || media.endsWith('+json');
}

// The whole stream is read: a buffered Lambda result is one payload. With response streaming,
// each chunk is written as it is read; an error after the first one ends the response.
async function replyWithFile(
  response: LambdaHttpResponse,
  file: StreamableFile,
): Promise<void> {
  const { type, disposition, length } = file.getHeaders();
  if (!response.hasHeader('content-type'))
    response.setHeader('content-type', type ?? 'application/octet-stream');
  if (disposition && !response.hasHeader('content-disposition')) {
    response.setHeader('content-disposition', disposition);
  }
  if (length !== undefined && !response.hasHeader('content-length')) {
    response.setHeader('content-length', length);
  }
  let bytes: Buffer;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) {
      const part =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk as Uint8Array);
      // Response streaming: each chunk goes out as it is read, as Express's pipe() sends it;
      // a client that left stops the reading (leaving the loop destroys the file's stream).
      if (!response.streaming) chunks.push(part);
      else if (response.destroyed) return;
      else response.write(part);
    }
    bytes = Buffer.concat(chunks);
  } catch (error) {
    // The answer is not the file; Express's `send()` would reject a malformed file type.
    if (!response.headersSent) {
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.removeHeader('content-length');
      response.removeHeader('content-disposition');
    }
    file.errorLogger(error as Error);
    try {
      file.errorHandler(error as Error, response as never);
    } catch (handlerError) {
      logger.error(handlerError);
      if (!response.writableEnded) response.status(500).end();
    }
    return;
  }
  response.end(bytes);
}
