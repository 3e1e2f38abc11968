import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverOnlyNamespaces } from '@/lib/i18n/client-messages';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('messages sent to the browser', () => {
  it('leave out only namespaces that no client component reads', () => {
    const clientFiles = [...sourceFiles('app'), ...sourceFiles('components')].filter((file) =>
      /^['"]use client['"]/m.test(readFileSync(file, 'utf8')),
    );
    const used = new Set(
      clientFiles.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/useTranslations\(\s*['"]([\w]+)/g)].map((match) => match[1]),
      ),
    );
    expect(clientFiles.length).toBeGreaterThan(10);
    expect(serverOnlyNamespaces.filter((namespace) => used.has(namespace))).toEqual([]);
  });
});
