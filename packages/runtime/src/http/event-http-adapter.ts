/**
 * What `HttpAdapterHost.httpAdapter` holds in a function that serves events, not HTTP: a filter
 * written for HTTP and registered where event handlers see it too (the docs' `AllExceptionsFilter`,
 * `BaseExceptionFilter`) reads requests and replies through it. There is no HTTP reply to send, so
 * `reply()` does nothing and returns `undefined`; the filter then returns `undefined`, which Nest
 * reads as "not handled": the real error is logged and fails the record or the invocation.
 */
export class EventHttpAdapter {
  reply(): undefined {
    return undefined;
  }

  status(): undefined {
    return undefined;
  }

  end(): undefined {
    return undefined;
  }

  redirect(): undefined {
    return undefined;
  }

  setHeader(): undefined {
    return undefined;
  }

  appendHeader(): undefined {
    return undefined;
  }

  getHeader(): undefined {
    return undefined;
  }

  isHeadersSent(): boolean {
    return false;
  }

  getRequestUrl(): string {
    return '';
  }

  getRequestMethod(): string {
    return '';
  }

  getRequestHostname(): string {
    return '';
  }

  getType(): string {
    return 'lambda-event';
  }
}
