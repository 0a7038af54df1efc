/**
 * Text as Excel on a Chinese Windows saves CSV (GBK, the two-byte part of GB18030), for tests:
 * Node decodes GB18030 but has no encoder, so the table is built once from the decoder.
 */
let table: Map<string, number[]> | undefined;

export function gbkBytes(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
  }
  const codes = table;
  return Uint8Array.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = codes.get(ch);
      if (!bytes) throw new Error(`gbkBytes: ${ch} has no two-byte GBK code`);
      return bytes;
    }),
  );
}
