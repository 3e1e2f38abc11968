// The version diff: a structured patch of two definitions' JSON (the `diff` package), as rows with three lines of
// context around each change and the unchanged stretches between them folded into a count.
import { structuredPatch } from 'diff';

export type DiffRow = { kind: 'same' | 'add' | 'remove'; text: string } | { kind: 'skip'; count: number };

const kinds = { ' ': 'same', '+': 'add', '-': 'remove' } as const;

export function versionDiff(before: string, after: string, context = 3): DiffRow[] {
  const oldText = before.endsWith('\n') ? before : `${before}\n`;
  const newText = after.endsWith('\n') ? after : `${after}\n`;
  const { hunks } = structuredPatch('before', 'after', oldText, newText, '', '', { context });
  const total = oldText.split('\n').length - 1;
  const rows: DiffRow[] = [];
  let nextOld = 1;
  for (const hunk of hunks) {
    // NOTE: a hunk of a pure insertion at the top starts at old line 0.
    const start = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    if (start > nextOld) rows.push({ kind: 'skip', count: start - nextOld });
    for (const line of hunk.lines) {
      const kind = kinds[line[0] as keyof typeof kinds];
      if (kind) rows.push({ kind, text: line.slice(1) });
    }
    nextOld = start + hunk.oldLines;
  }
  if (hunks.length > 0 && nextOld <= total) rows.push({ kind: 'skip', count: total - nextOld + 1 });
  return rows;
}

/** How many lines the diff adds or removes. */
export const changedLines = (rows: DiffRow[]) =>
  rows.filter((row) => row.kind === 'add' || row.kind === 'remove').length;
