import { describe, expect, it } from 'vitest';
import { changedLines, type DiffRow, versionDiff } from '@/components/workflows/version-diff';

const render = (rows: DiffRow[]) =>
  rows.map((row) =>
    row.kind === 'skip' ? `…${row.count}` : `${{ same: ' ', add: '+', remove: '-' }[row.kind]}${row.text}`,
  );

describe('version diff between two definitions', () => {
  it('shows nothing changed when the versions are equal', () => {
    expect(versionDiff('a\nb', 'a\nb')).toEqual([]);
    expect(changedLines(versionDiff('a\nb', 'a\nb'))).toBe(0);
  });

  it('shows a changed line as removed then added, keeping the lines around it', () => {
    expect(render(versionDiff('name\n"retries": 3\nsteps', 'name\n"retries": 5\nsteps'))).toEqual([
      ' name',
      '-"retries": 3',
      '+"retries": 5',
      ' steps',
    ]);
  });

  it('keeps unchanged steps when a step moves and a new one appears', () => {
    const rows = versionDiff('a\nb\nc\nd', 'a\nc\nd\ne\nb');
    expect(rows.filter((row) => row.kind === 'same').map((row) => (row as { text: string }).text)).toEqual([
      'a',
      'c',
      'd',
    ]);
    expect(changedLines(rows)).toBe(3);
  });

  it('folds long unchanged stretches on both sides, keeping three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    expect(render(versionDiff(before, after))).toEqual([
      '…7',
      ' line 7',
      ' line 8',
      ' line 9',
      '-line 10',
      '+line ten',
      ' line 11',
      ' line 12',
      ' line 13',
      '…6',
    ]);
  });

  it('shows lines added at the very top without a fold before them', () => {
    expect(render(versionDiff('a\nb', 'new\na\nb'))).toEqual(['+new', ' a', ' b']);
  });
});
