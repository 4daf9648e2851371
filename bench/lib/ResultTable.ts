/** One line of the results table. */
export interface TableRow {
  section: string;
  figure: string;
  value: string;
  target?: string;
  /** Whether the figure meets its target (absent when it has none). */
  met?: boolean;
}

/** The rows as aligned text, one section after another, with ✓ / ✗ against targets. */
export function formatTable(rows: TableRow[]): string {
  const wFigure = Math.max(6, ...rows.map((r) => r.figure.length));
  const wValue = Math.max(5, ...rows.map((r) => r.value.length));
  const wTarget = Math.max(6, ...rows.map((r) => (r.target ?? '').length));
  const lines: string[] = [];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section, '-'.repeat(section.length));
    }
    const mark = r.met === undefined ? '' : r.met ? '✓' : '✗ MISSED';
    lines.push(`  ${r.figure.padEnd(wFigure)}  ${r.value.padEnd(wValue)}  ${(r.target ?? '').padEnd(wTarget)}  ${mark}`.trimEnd());
  }
  return lines.join('\n');
}
