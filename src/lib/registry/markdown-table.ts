/**
 * A GitHub-flavoured Markdown table. Cells are escaped so a reason typed with a "|" or a line break cannot split or
 * end the table; an empty cell gets a dash so every row keeps its columns in any renderer.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function cell(text: string): string {
  const clean = text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return clean === '' ? '–' : clean;
}
