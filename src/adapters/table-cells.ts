/**
 * A rendered table's cells as text, for its CSV download when the panel's own rows are not at hand: what a reader
 * sees in each cell, with the choices of form controls read as their values (a select's option, a number field's
 * number, a checkbox as ✓ or empty). Columns headed only for screen readers (a visually hidden heading over a column
 * of buttons or row checkboxes) hold controls, not data, and are left out; so are decorations hidden from readers.
 */
export interface TableCells {
  header: string[];
  rows: string[][];
}

export function readTableCells(table: HTMLTableElement): TableCells {
  const headRows = table.tHead ? [...table.tHead.rows] : [];
  const bodyRows = [...table.tBodies].flatMap((body) => [...body.rows]);
  const headCells = headRows.length > 0 ? [...headRows[headRows.length - 1]!.cells] : [];
  const kept = headCells.map((cell) => !isScreenReaderOnly(cell));
  const keep = <T>(cells: readonly T[]) => cells.filter((_, i) => kept[i] ?? true);
  return {
    header: keep(headCells.map(cellText)),
    rows: bodyRows.map((row) => keep([...row.cells].map(cellText))),
  };
}

function isScreenReaderOnly(cell: HTMLTableCellElement): boolean {
  const hidden = cell.querySelector('.visually-hidden');
  return hidden !== null && (cell.textContent ?? '').trim() === (hidden.textContent ?? '').trim();
}

function cellText(cell: Element): string {
  return textOf(cell).replace(/\s+/g, ' ').trim();
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof HTMLSelectElement) return ` ${node.selectedOptions[0]?.textContent ?? ''} `;
  if (node instanceof HTMLInputElement) return node.type === 'checkbox' || node.type === 'radio' ? (node.checked ? '✓ ' : '') : ` ${node.value} `;
  if (node instanceof HTMLTextAreaElement) return ` ${node.value} `;
  return [...node.childNodes].map(textOf).join('');
}
