/** The content type of the spreadsheets the app exports. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file as a download, never rendered in the app's origin: an attachment under its own (UTF-8)
 * name, not cached, its type not sniffed.
 */
export function download(file: { fileName: string; contentType: string; contentBase64: string }): Response {
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
