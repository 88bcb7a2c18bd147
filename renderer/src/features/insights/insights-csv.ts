/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break (its quotes doubled). Numbers are written as numbers (a dot for decimals, no
 * grouping), so a spreadsheet in any language can compute with them. A text field that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return: a client's name can hold anything) is
 * prefixed with an apostrophe, as OWASP advises against CSV injection.
 */
export type CsvValue = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

export const formatCsvField = (value: CsvValue): string => {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A header line and one line per row; a byte order mark first so that Excel reads the file as UTF-8. */
export const buildCsv = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string =>
  `\uFEFF${[header, ...rows].map((row) => row.map(formatCsvField).join(',')).join('\r\n')}\r\n`;
