/** What the import page sends the API for an uploaded 12345 export. */
export type HotlineFilePayload = { csv: string } | { xlsxBase64: string };

/**
 * An .xlsx workbook is a ZIP archive (it starts with `PK\x03\x04`); anything else is read as CSV
 * text in UTF-8. The bytes decide, not the file name, so a renamed file still goes the right way.
 */
export function hotlineFilePayload(bytes: Uint8Array): HotlineFilePayload {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip
    ? { xlsxBase64: Buffer.from(bytes).toString('base64') }
    : { csv: new TextDecoder('utf-8').decode(bytes) };
}
