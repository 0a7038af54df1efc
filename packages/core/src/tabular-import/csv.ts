/**
 * RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside, CRLF or LF, a UTF-8
 * byte-order mark dropped (Excel writes one). Pure; the whole text is in memory, which is fine
 * for exports of a few megabytes.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A cell a spreadsheet would run as a formula (CSV injection); written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as RFC 4180 CSV the way Excel in a Chinese locale opens it: UTF-8 with a byte-order
 * mark (without one Excel reads GBK and garbles the text), CRLF line ends, fields quoted when they
 * hold a comma, quote or line break. Cells starting like a formula are neutralised.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => {
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\ufeff${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
