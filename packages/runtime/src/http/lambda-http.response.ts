/**
 * The response-like object controllers and filters get from `switchToHttp().getResponse()` (and
 * `@Res()`): it collects status, headers and body with Express's method names, and the trigger
 * turns it into the Lambda result once it has ended. Header names are kept in lower case.
 *
 * @example
 * ```ts
 * catch(error: PaymentRequired, host: ArgumentsHost) {
 *   host.switchToHttp().getResponse<LambdaHttpResponse>().status(402).json({ reason: error.message });
 * }
 * ```
 */
export class LambdaHttpResponse {
  statusCode = 200;
  body: string | Buffer | undefined;
  writableEnded = false;
  private readonly headers = new Map<string, string | string[]>();
  private onEnd: (() => void) | undefined;

  /** Nothing is sent before the response ends, so headers count as sent once it has. */
  get headersSent(): boolean {
    return this.writableEnded;
  }

  status(code: number): this {
    if (!this.writableEnded) this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | number | readonly string[]): this {
    if (!this.writableEnded) {
      this.headers.set(
        name.toLowerCase(),
        Array.isArray(value) ? [...value] : String(value),
      );
    }
    return this;
  }

  set(name: string, value: string | number | readonly string[]): this {
    return this.setHeader(name, value);
  }

  header(name: string, value: string | number | readonly string[]): this {
    return this.setHeader(name, value);
  }

  appendHeader(name: string, value: string | readonly string[]): this {
    const previous = this.getHeader(name);
    const values = [previous ?? [], value].flat();
    return this.setHeader(name, values.length === 1 ? values[0]! : values);
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  get(name: string): string | string[] | undefined {
    return this.getHeader(name);
  }

  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }

  removeHeader(name: string): this {
    if (!this.writableEnded) this.headers.delete(name.toLowerCase());
    return this;
  }

  getHeaders(): { [name: string]: string | string[] } {
    return Object.fromEntries(this.headers);
  }

  type(contentType: string): this {
    return this.setHeader('content-type', contentType);
  }

  json(value: unknown): this {
    if (!this.hasHeader('content-type')) {
      this.setHeader('content-type', 'application/json; charset=utf-8');
    }
    return this.end(value === undefined ? '' : JSON.stringify(value));
  }

  /** As Express's `send()`: strings as HTML unless typed, bytes as octet-stream, objects as JSON. */
  send(body?: unknown): this {
    if (typeof body === 'string') {
      if (!this.hasHeader('content-type'))
        this.setHeader('content-type', 'text/html; charset=utf-8');
      return this.end(body);
    }
    if (body instanceof Uint8Array) {
      if (!this.hasHeader('content-type'))
        this.setHeader('content-type', 'application/octet-stream');
      return this.end(
        Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      );
    }
    if (body === null || body === undefined) return this.end();
    if (typeof body === 'object') return this.json(body);
    return this.send(String(body as number | boolean | bigint));
  }

  end(chunk?: string | Buffer): this {
    if (this.writableEnded) return this;
    if (chunk !== undefined) this.body = chunk;
    this.writableEnded = true;
    this.onEnd?.();
    return this;
  }

  /** Resolves once the response has ended. */
  finished(): Promise<void> {
    if (this.writableEnded) return Promise.resolve();
    return new Promise((resolve) => {
      this.onEnd = resolve;
    });
  }
}
