// Plain-text tables for terminal output: columns padded to their widest cell, two spaces apart.

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  return all.map((row) => `${row.map((cell, col) => cell.padEnd(widths[col] as number)).join('  ').trimEnd()}\n`).join('');
}
