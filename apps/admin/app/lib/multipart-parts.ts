/**
 * A `multipart/form-data` body read part by part as it arrives: text fields whole (they are small),
 * a file's bytes as a stream the caller hands straight to the document store. `request.formData()`
 * would hold every file whole in memory first. Written here rather than taken from npm: the
 * parsers there buffer each part (see apps/admin/README.md).
 */
export type FormPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; fileName: string; contentType: string; content: AsyncIterable<Uint8Array> };

export class MultipartError extends Error {
  override name = 'MultipartError';
}

const LIMITS = { headerBytes: 8 * 1024, fieldBytes: 64 * 1024, parts: 200 };

/** The boundary a `multipart/form-data` content type names, or null for any other body. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** A body's bytes with a look-ahead buffer: up to a delimiter, whole or streamed. */
class ByteReader {
  private buffer = Buffer.alloc(0);
  private done = false;
  private readonly source: ReadableStreamDefaultReader<Uint8Array>;
  constructor(source: ReadableStreamDefaultReader<Uint8Array>) {
    this.source = source;
  }

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.read();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = Buffer.concat([this.buffer, next.value]);
    return true;
  }

  async take(length: number): Promise<Buffer> {
    while (this.buffer.length < length)
      if (!(await this.more())) throw new MultipartError('the body ends early');
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return taken;
  }

  /** The bytes before `delimiter` (which is consumed), refused past `max`. */
  async until(delimiter: Buffer, max: number): Promise<Buffer> {
    for (;;) {
      const at = this.buffer.indexOf(delimiter);
      if (at >= 0) {
        const before = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + delimiter.length);
        return before;
      }
      if (this.buffer.length > max + delimiter.length)
        throw new MultipartError('a part header or field is too long');
      if (!(await this.more())) throw new MultipartError('the body ends early');
    }
  }

  /** The bytes before `delimiter`, handed on as they arrive (keeping back what may be its start). */
  async *stream(delimiter: Buffer): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = this.buffer.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) yield this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + delimiter.length);
        return;
      }
      const safe = this.buffer.length - delimiter.length + 1;
      if (safe > 0) {
        const out = this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
        yield out;
      }
      if (!(await this.more())) throw new MultipartError('the body ends inside a file');
    }
  }
}

function dispositionOf(headers: string) {
  const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? null;
  if (disposition === null) throw new MultipartError('a part has no form-data disposition');
  const param = (key: string) => new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1];
  const name = param('name');
  if (name === undefined) throw new MultipartError('a part has no name');
  const contentType = /^content-type:\s*([^\r\n;]+)/im.exec(headers)?.[1]?.trim().toLowerCase() ?? '';
  return { name, fileName: param('filename'), contentType };
}

/**
 * The parts of a multipart body, in order. A file part's `content` must be read (or left: the
 * next part skips what is left of it) before the next part is asked for.
 */
export async function* multipartParts(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
): AsyncGenerator<FormPart> {
  if (!body) throw new MultipartError('the body is empty');
  const reader = new ByteReader(body.getReader());
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  await reader.until(Buffer.from(`--${boundary}`), LIMITS.fieldBytes);
  for (let parts = 0; ; parts++) {
    const after = (await reader.take(2)).toString('latin1');
    if (after === '--') return;
    if (after !== '\r\n') throw new MultipartError('a boundary is not followed by a line break');
    if (parts >= LIMITS.parts) throw new MultipartError('too many parts');
    const headers = (await reader.until(Buffer.from('\r\n\r\n'), LIMITS.headerBytes)).toString('utf8');
    const { name, fileName, contentType } = dispositionOf(headers);
    if (fileName === undefined) {
      const value = (await reader.until(delimiter, LIMITS.fieldBytes)).toString('utf8');
      yield { kind: 'field', name, value };
      continue;
    }
    const bytes = reader.stream(delimiter);
    // Handed on without `return`: a caller leaving its loop early (a refused file) does not end it here.
    const content: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => bytes.next() }),
    };
    yield { kind: 'file', name, fileName, contentType: contentType || 'application/octet-stream', content };
    // Whatever the caller left unread of the file, up to the next boundary.
    for await (const _ of bytes) {
      // skipped
    }
  }
}
