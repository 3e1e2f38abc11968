// A line diff (longest common subsequence) for comparing two versions of a definition; no dependencies.
export type DiffLine = {
  kind: 'same' | 'add' | 'remove';
  text: string;
  oldLine: number | null;
  newLine: number | null;
};
export type DiffHunkLine = DiffLine | { kind: 'skip'; count: number };

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows = endA - start;
  const cols = endB - start;
  // lengths[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), stored row-major.
  const lengths = new Uint32Array((rows + 1) * (cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      lengths[i * (cols + 1) + j] =
        a[start + i] === b[start + j]
          ? lengths[(i + 1) * (cols + 1) + j + 1]! + 1
          : Math.max(lengths[(i + 1) * (cols + 1) + j]!, lengths[i * (cols + 1) + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  for (let k = 0; k < start; k++) out.push({ kind: 'same', text: a[k]!, oldLine: k + 1, newLine: k + 1 });
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && a[start + i] === b[start + j]) {
      out.push({ kind: 'same', text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
      i++;
      j++;
    } else if (j < cols && (i >= rows || lengths[i * (cols + 1) + j + 1]! > lengths[(i + 1) * (cols + 1) + j]!)) {
      out.push({ kind: 'add', text: b[start + j]!, oldLine: null, newLine: start + j + 1 });
      j++;
    } else {
      out.push({ kind: 'remove', text: a[start + i]!, oldLine: start + i + 1, newLine: null });
      i++;
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    out.push({ kind: 'same', text: a[endA + k]!, oldLine: endA + k + 1, newLine: endB + k + 1 });
  return out;
}

/** Keeps `context` unchanged lines around each change and folds longer unchanged runs into a `skip`. */
export function withContext(lines: DiffLine[], context = 3): DiffHunkLine[] {
  const near = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) near[k] = true;
  });
  const out: DiffHunkLine[] = [];
  lines.forEach((line, index) => {
    if (near[index]) return void out.push(line);
    const last = out.at(-1);
    if (last?.kind === 'skip') last.count++;
    else out.push({ kind: 'skip', count: 1 });
  });
  return out;
}
