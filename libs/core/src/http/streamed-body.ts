import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

export interface StreamedBodyOptions {
  /** The media type the route reads, such as `text/csv` (parameters like `charset` are allowed). */
  mediaType: string;
  /** Bytes read at most; past them the stream fails with 413 `PAYLOAD_TOO_LARGE`. */
  limitBytes: number;
}

/** Counts the bytes passing through and fails with 413 once they exceed the limit. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limitBytes) return done(tooLarge(this.limitBytes));
    done(null, chunk);
  }
}

function tooLarge(limitBytes: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `The request body is over ${limitBytes} bytes`);
}

/**
 * The body of a route that reads it as a stream instead of through the JSON parser (which leaves
 * other media types unread): 415 `UNSUPPORTED_MEDIA_TYPE` for another type, 413
 * `PAYLOAD_TOO_LARGE` when `Content-Length` says it is too large, or as soon as the bytes read pass
 * the limit (a chunked body has no length to check first).
 */
export function streamedBody(request: Request, options: StreamedBodyOptions): Readable {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== options.mediaType) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      type === ''
        ? `The request body has no Content-Type; send ${options.mediaType}`
        : `The request body must be ${options.mediaType}, not ${type}`,
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > options.limitBytes) throw tooLarge(options.limitBytes);
  const limited = new ByteLimit(options.limitBytes);
  request.on('error', (error) => limited.destroy(error));
  // a reader that stops early (too large, a broken quote) leaves the rest unread: drain it, so the
  // answer reaches a client that is still sending
  limited.on('close', () => {
    if (request.readableEnded) return;
    request.unpipe(limited);
    request.resume();
  });
  return request.pipe(limited);
}
