export interface BenchTable {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  notes?: string[];
}

/** Render a benchmark table as GitHub markdown, ready to paste into README.md. */
export function formatTable({ title, columns, rows, notes }: BenchTable): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [
    `## ${title}`,
    '',
    line(columns),
    line(columns.map(() => '---')),
    ...rows.map(line),
    ...(notes?.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
