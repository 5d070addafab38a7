import type { ServerResponse } from 'node:http';
import type { StreamPart } from './worker-response-stream.js';

const PRELUDE_TYPE = 'application/vnd.awslambda.http-integration-response';
// The 8 null bytes `awslambda.HttpResponseStream.from` writes after the JSON prelude.
const DELIMITER = Buffer.alloc(8);

interface Prelude {
  readonly statusCode?: number;
  readonly headers?: { readonly [name: string]: string };
  readonly cookies?: readonly string[];
}

/** A streamed answer that was held back, as a buffered HTTP result (for the not-found check). */
export interface HeldResult {
  readonly statusCode: number;
  readonly headers: { readonly [name: string]: string };
  readonly cookies: readonly string[];
  readonly body: string;
}

/**
 * Relays a streaming function's answer to the client as it arrives, as a function URL does: the
 * prelude becomes the status line, headers and cookies, then each chunk is written at once. A
 * 404 is held until it ends when another function may still have the route (`mayFallThrough`),
 * so the dev server can try the next one as it does with buffered answers.
 */
export class StreamRelay {
  private contentType = 'application/octet-stream';
  private pending = Buffer.alloc(0);
  private prelude: Prelude | undefined;
  private held: Buffer[] | undefined;
  private ended = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly mayFallThrough: boolean,
  ) {}

  /** The status of the answer, once its prelude has arrived. */
  get status(): number | undefined {
    return this.prelude ? (this.prelude.statusCode ?? 200) : undefined;
  }

  receive(part: StreamPart): void {
    if ('contentType' in part) this.contentType = part.contentType;
    else if ('chunk' in part) this.chunk(Buffer.from(part.chunk));
    else this.end();
  }

  /** The whole answer, if it was held back (a 404 that another function may replace). */
  heldResult(): HeldResult | undefined {
    if (!this.held || !this.ended) return undefined;
    return {
      statusCode: this.status ?? 200,
      headers: { ...this.prelude?.headers },
      cookies: [...(this.prelude?.cookies ?? [])],
      body: Buffer.concat(this.held).toString('utf8'),
    };
  }

  private chunk(bytes: Buffer): void {
    let body = bytes;
    if (!this.prelude) {
      if (this.contentType !== PRELUDE_TYPE) {
        // The handler wrote without HttpResponseStream.from: a 200 of its content type.
        this.open({ headers: { 'content-type': this.contentType } });
      } else {
        this.pending = Buffer.concat([this.pending, bytes]);
        const end = this.pending.indexOf(DELIMITER);
        if (end === -1) return;
        this.open(
          JSON.parse(this.pending.subarray(0, end).toString('utf8')) as Prelude,
        );
        body = this.pending.subarray(end + DELIMITER.length);
      }
    }
    if (this.held) this.held.push(body);
    else if (body.length > 0 && !this.res.destroyed) this.res.write(body);
  }

  private open(prelude: Prelude): void {
    this.prelude = prelude;
    if (this.status === 404 && this.mayFallThrough) {
      this.held = [];
      return;
    }
    if (this.res.destroyed) return;
    this.res.statusCode = this.status!;
    for (const [name, value] of Object.entries(prelude.headers ?? {}))
      this.res.setHeader(name, value);
    if (prelude.cookies?.length)
      this.res.setHeader('set-cookie', [...prelude.cookies]);
    this.res.flushHeaders();
  }

  private end(): void {
    if (!this.prelude) this.open({});
    this.ended = true;
    if (!this.held && !this.res.destroyed) this.res.end();
  }
}
