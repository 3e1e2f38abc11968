import { describe, expect, it } from 'vitest';
import { encodeSnapshot, SnapshotEncodingError } from '@/lib/backups/encode-snapshot';

const text = (format: Parameters<typeof encodeSnapshot>[0], data: unknown) =>
  new TextDecoder().decode(encodeSnapshot(format, data).content);

describe('encodeSnapshot', () => {
  it('writes JSON pretty-printed, parsing JSON text first', () => {
    expect(text('json', { a: 1, b: [true] })).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}\n');
    expect(text('json', '{"a":1}')).toBe('{\n  "a": 1\n}\n');
    expect(encodeSnapshot('json', {}).contentType).toBe('application/json; charset=utf-8');
  });

  it('refuses text that is not JSON for format json', () => {
    expect(() => encodeSnapshot('json', '<html>oops</html>')).toThrow(SnapshotEncodingError);
  });

  it('writes CSV from objects with a header of every key and RFC 4180 quoting', () => {
    const csv = text('csv', [
      { id: 1, name: 'Smith, Jane', note: 'said "hi"' },
      { id: 2, name: 'Line\nbreak', extra: null, tags: ['a', 'b'] },
    ]);
    expect(csv).toBe(
      'id,name,note,extra,tags\r\n1,"Smith, Jane","said ""hi""",,\r\n2,"Line\nbreak",,,"[""a"",""b""]"\r\n',
    );
    expect(encodeSnapshot('csv', []).contentType).toBe('text/csv; charset=utf-8');
  });

  it('writes CSV from an array of arrays row by row, and keeps CSV text as it is', () => {
    expect(
      text('csv', [
        ['a', 'b'],
        [1, 'x\ry'],
      ]),
    ).toBe('a,b\r\n1,"x\ry"\r\n');
    expect(text('csv', 'a,b\n1,2\n')).toBe('a,b\n1,2\n');
    expect(text('csv', [])).toBe('');
  });

  it('refuses CSV data that is neither rows nor records', () => {
    expect(() => encodeSnapshot('csv', { a: 1 })).toThrow(/array of objects/);
    expect(() => encodeSnapshot('csv', [{ a: 1 }, [1]])).toThrow(/every item/);
    expect(() => encodeSnapshot('csv', [1, 2])).toThrow(SnapshotEncodingError);
  });

  it('writes text as given (objects as JSON)', () => {
    expect(text('text', 'héllo')).toBe('héllo');
    expect(text('text', 42)).toBe('42');
    expect(text('text', { a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it('decodes base64 (standard or url-safe) for format binary', () => {
    const bytes = Uint8Array.from([0, 255, 128, 7, 62, 63]);
    expect(encodeSnapshot('binary', Buffer.from(bytes).toString('base64')).content).toEqual(bytes);
    expect(encodeSnapshot('binary', Buffer.from(bytes).toString('base64url')).content).toEqual(bytes);
    expect(encodeSnapshot('binary', 'AP+A\nBz4/').content).toEqual(bytes);
    expect(encodeSnapshot('binary', '').content).toEqual(new Uint8Array());
  });

  it('refuses binary data that is not base64', () => {
    expect(() => encodeSnapshot('binary', 'not base64!')).toThrow(/not valid base64/);
    expect(() => encodeSnapshot('binary', 'abcde')).toThrow(SnapshotEncodingError);
    expect(() => encodeSnapshot('binary', [1, 2])).toThrow(/base64 string/);
  });
});
