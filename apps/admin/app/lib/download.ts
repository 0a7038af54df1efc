/** The content type of the spreadsheets the app exports. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The most rows a list's export holds (the API's bound on one list export). */
export const EXPORT_MAX_ROWS = 5000;

/** RFC 5987 `filename*`: every byte outside attr-char percent-encoded (encodeURIComponent leaves `'()*!`). */
const encodedName = (fileName: string) =>
  encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * What makes a file a download, never rendered in the app's origin: an attachment under its own
 * (UTF-8) name, not cached, its type not sniffed.
 */
const downloadHeaders = (fileName: string, contentType: string) => ({
  'Content-Type': contentType,
  'Content-Disposition': `attachment; filename*=UTF-8''${encodedName(fileName)}`,
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
});

/** A file the app made (a spreadsheet, a printout) as a download. */
export function download(file: { fileName: string; contentType: string; contentBase64: string }): Response {
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: downloadHeaders(file.fileName, file.contentType),
  });
}

/** The bytes as a response body, each chunk read only when the client takes the one before (back-pressure). */
function pulled(content: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const chunks = content[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/**
 * A stored document as a download, its bytes sent chunk by chunk as the document store reads them
 * (never the whole file in memory), its length the one its record keeps.
 */
export function documentDownload(file: {
  fileName: string;
  contentType: string;
  sizeBytes: number | null;
  content: AsyncIterable<Uint8Array>;
}): Response {
  return new Response(pulled(file.content), {
    headers: {
      ...downloadHeaders(file.fileName, file.contentType),
      ...(file.sizeBytes === null ? {} : { 'Content-Length': String(file.sizeBytes) }),
    },
  });
}
