import { Writable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

type BeforeFirstWrite = (write: (chunk: string | Uint8Array) => void) => void;

/** What a worker reports of a streamed answer, piece by piece, under the invocation's id. */
export type StreamPart =
  | { readonly contentType: string }
  | { readonly chunk: Uint8Array }
  | { readonly end: true };

/**
 * The response stream a streaming handler gets under the dev server, in place of Lambda's: as in
 * aws-lambda-nodejs-runtime-interface-client's src/ResponseStream.js, `setContentType` works until
 * the first write, and the hook `awslambda.HttpResponseStream.from` installs runs before the first
 * `write()`. Each piece goes to the server thread as a message; `destroy()` is the client leaving.
 */
export class WorkerResponseStream extends Writable {
  _onBeforeFirstWrite: BeforeFirstWrite | undefined;
  private started = false;

  constructor(
    private readonly id: number,
    private readonly port: MessagePort,
  ) {
    super();
    // As the runtime's request does: a write after the client left fails that write only, instead
    // of an uncaught error that would end the worker.
    this.on('error', () => undefined);
  }

  setContentType(contentType: string): void {
    if (this.started) throw new Error('Cannot set content-type, too late.');
    this.send({ contentType });
  }

  override write(
    chunk: unknown,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void,
  ): boolean {
    if (!this.started && typeof this._onBeforeFirstWrite === 'function') {
      this._onBeforeFirstWrite((part) => super.write(part));
    }
    this.started = true;
    return super.write(chunk, encoding as BufferEncoding, callback);
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.send({ chunk });
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.send({ end: true });
    callback();
  }

  private send(stream: StreamPart): void {
    this.port.postMessage({ id: this.id, stream });
  }
}
