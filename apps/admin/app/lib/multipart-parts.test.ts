import { describe, expect, it } from 'vitest';
import { type FormPart, multipartBoundary, multipartParts } from './multipart-parts.ts';

/** A body as a browser encodes the form, handed over in pieces of `piece` bytes. */
async function bodyOf(form: FormData, piece: number) {
  const request = new Request('http://x/', { method: 'POST', body: form });
  const bytes = Buffer.from(await request.arrayBuffer());
  const boundary = multipartBoundary(request.headers.get('content-type'));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += piece) controller.enqueue(bytes.subarray(at, at + piece));
      controller.close();
    },
  });
  return { stream, boundary: boundary ?? '' };
}

async function collect(parts: AsyncIterable<FormPart>) {
  const seen: { name: string; value: string | Buffer; fileName?: string; type?: string }[] = [];
  for await (const part of parts) {
    if (part.kind === 'field') seen.push({ name: part.name, value: part.value });
    else {
      const chunks: Uint8Array[] = [];
      for await (const chunk of part.content) chunks.push(chunk);
      seen.push({
        name: part.name,
        value: Buffer.concat(chunks),
        fileName: part.fileName,
        type: part.contentType,
      });
    }
  }
  return seen;
}

describe('multipartParts', () => {
  const file = Buffer.concat([
    Buffer.from('%PDF-1.7\r\n--'),
    Buffer.alloc(20_000, 0x2d),
    Buffer.from('\r\n'),
  ]);
  const form = () => {
    const f = new FormData();
    f.append('csrf', 'token');
    f.append('intent', '附件');
    f.append('file', new Blob([file], { type: 'application/pdf' }), '证据.pdf');
    f.append('after', 'x');
    return f;
  };

  it.each([1, 7, 64, 65_536])('reads fields and a file streamed in pieces of %i bytes', async (piece) => {
    const { stream, boundary } = await bodyOf(form(), piece);
    expect(await collect(multipartParts(stream, boundary))).toEqual([
      { name: 'csrf', value: 'token' },
      { name: 'intent', value: '附件' },
      { name: 'file', value: file, fileName: '证据.pdf', type: 'application/pdf' },
      { name: 'after', value: 'x' },
    ]);
  });

  it('skips what a caller left unread of a file and goes on to the next part', async () => {
    const { stream, boundary } = await bodyOf(form(), 4096);
    const names: string[] = [];
    for await (const part of multipartParts(stream, boundary)) names.push(part.name);
    expect(names).toEqual(['csrf', 'intent', 'file', 'after']);
  });

  it('refuses a body that ends inside a part', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'));
        controller.close();
      },
    });
    await expect(collect(multipartParts(stream, 'b'))).rejects.toThrow(/ends early/);
  });

  it('finds the boundary of a multipart content type only', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
  });
});

describe('a file its reader leaves early', () => {
  it('is skipped to its end, and the parts after it still come', async () => {
    const f = new FormData();
    f.append('file', new Blob([Buffer.alloc(50_000, 0x41)]), 'a.txt');
    f.append('after', 'x');
    const { stream, boundary } = await bodyOf(f, 1000);
    const seen: string[] = [];
    for await (const part of multipartParts(stream, boundary)) {
      seen.push(part.name);
      if (part.kind === 'file') {
        for await (const _ of part.content) break;
      }
    }
    expect(seen).toEqual(['file', 'after']);
  });
});
