// CSV as spreadsheets read it (RFC 4180: fields with a comma, quote or line break are quoted,
// quotes doubled) and safe to open: a text cell starting with = + - @ or a tab/CR would run as a
// formula in Excel, LibreOffice and Sheets, so it gets a leading apostrophe (OWASP's advice).
// Plain numbers, negative ones included, stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
