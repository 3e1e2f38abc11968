import { describe, expect, it } from 'vitest';
import { diffLines, withContext } from '@/components/workflows/line-diff';

const render = (before: string, after: string) =>
  diffLines(before, after).map((line) => `${{ same: ' ', add: '+', remove: '-' }[line.kind]}${line.text}`);

describe('line diff between two versions', () => {
  it('marks nothing when the versions are equal', () => {
    expect(diffLines('a\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
  });

  it('shows a changed line as removed then added, keeping the lines around it', () => {
    expect(render('name\n"retries": 3\nsteps', 'name\n"retries": 5\nsteps')).toEqual([
      ' name',
      '-"retries": 3',
      '+"retries": 5',
      ' steps',
    ]);
  });

  it('finds the longest common run when steps move and new ones appear', () => {
    const lines = diffLines('a\nb\nc\nd', 'a\nc\nd\ne\nb');
    expect(lines.filter((line) => line.kind === 'same').map((line) => line.text)).toEqual(['a', 'c', 'd']);
    expect(
      lines
        .filter((line) => line.kind !== 'same')
        .map((line) => `${line.kind} ${line.text}`)
        .sort(),
    ).toEqual(['add b', 'add e', 'remove b']);
  });

  it('numbers lines on both sides', () => {
    const added = diffLines('x\ny', 'x\nnew\ny').find((line) => line.kind === 'add')!;
    expect(added).toMatchObject({ newLine: 2, oldLine: null });
    expect(diffLines('x\ny', 'x\nnew\ny').at(-1)).toMatchObject({ text: 'y', oldLine: 2, newLine: 3 });
  });

  it('folds long unchanged stretches, keeping three lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const hunk = withContext(diffLines(before, after));
    expect(hunk[0]).toEqual({ kind: 'skip', count: 7 });
    expect(hunk.filter((line) => line.kind !== 'skip')).toHaveLength(8);
    expect(hunk.at(-1)).toEqual({ kind: 'skip', count: 6 });
  });
});
