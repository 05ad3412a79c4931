/** Prints the benchmark's table in Markdown, ready to paste into the README. */

export interface Row {
  measure: string;
  service: string;
  baseline?: string;
  ratio?: number;
  target?: string;
  held?: boolean;
}

export function printTable(rows: Row[], machine: string) {
  const header = ['measure', 'MailPing', 'baseline', 'ratio', 'target', 'verdict'];
  const cells = rows.map((row) => [
    row.measure,
    row.service,
    row.baseline ?? '',
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.target ?? '',
    row.held === undefined ? '' : row.held ? 'held' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
  const missed = rows.filter((row) => row.held === false).length;
  console.log(missed === 0 ? '\nEvery target held.' : `\n${missed} target(s) missed.`);
  if (missed > 0) process.exitCode = 1;
}
