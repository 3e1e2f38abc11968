import { describe, expect, it } from 'vitest';
import {
  draftKey,
  draftToRun,
  hasConflict,
  isDirty,
  readDraft,
  type WorkflowDraft,
  writeDraft,
} from '@/components/workflows/workflow-draft';

const saved = { name: 'Greeting', trigger: { type: 'manual' }, steps: [{ id: 'hello', type: 'log', config: {} }] };
const edited = { ...saved, steps: [{ id: 'hello', type: 'log', config: { message: 'hi' } }] };
const draft = (over: Partial<WorkflowDraft> = {}): WorkflowDraft => ({
  definition: edited,
  baseVersion: 2,
  updatedAt: '2026-12-03T07:00:00.000Z',
  ...over,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('workflow draft', () => {
  it('keeps one draft per workspace and workflow', () => {
    expect(draftKey('ws-1', 'wf-1')).not.toBe(draftKey('ws-2', 'wf-1'));
    expect(draftKey('ws-1', 'wf-1')).not.toBe(draftKey('ws-1', 'wf-2'));
  });

  it('counts an edit as unsaved, but not the same definition with its keys in another order', () => {
    expect(isDirty(draft(), saved)).toBe(true);
    const reordered = { steps: saved.steps, trigger: { type: 'manual' }, name: 'Greeting' };
    expect(isDirty(draft({ definition: reordered }), saved)).toBe(false);
    expect(isDirty(null, saved)).toBe(false);
  });

  it('counts JSON text that does not parse as unsaved, and text equal to the saved one as not', () => {
    expect(isDirty(draft({ text: '{ "name": ' }), saved)).toBe(true);
    expect(isDirty(draft({ text: JSON.stringify(saved, null, 2) }), saved)).toBe(false);
  });

  it('reports a conflict when the saved version moved on since the draft began', () => {
    expect(hasConflict(draft({ baseVersion: 2 }), 2)).toBe(false);
    expect(hasConflict(draft({ baseVersion: 2 }), 3)).toBe(true);
  });

  it('stores a dirty draft, reads it back, and removes it once it matches the saved definition', () => {
    const storage = memoryStorage();
    const key = draftKey('ws', 'wf');
    expect(writeDraft(storage, key, draft(), saved)).toBe(true);
    expect(readDraft(storage, key)?.definition).toEqual(edited);
    expect(writeDraft(storage, key, draft({ definition: saved }), saved)).toBe(false);
    expect(readDraft(storage, key)).toBeNull();
  });

  it('ignores a stored value that is not a draft', () => {
    const storage = memoryStorage();
    storage.setItem('k', 'not json');
    expect(readDraft(storage, 'k')).toBeNull();
    storage.setItem('k', JSON.stringify({ definition: edited }));
    expect(readDraft(storage, 'k')).toBeNull();
  });

  it('test-runs the draft only when it is dirty and parses', () => {
    expect(draftToRun(draft(), saved)).toEqual(edited);
    expect(draftToRun(draft({ definition: saved }), saved)).toBeUndefined();
    expect(draftToRun(draft({ text: JSON.stringify(edited) }), saved)).toEqual(edited);
    expect(draftToRun(draft({ text: '{ broken' }), saved)).toBeUndefined();
    expect(draftToRun(null, saved)).toBeUndefined();
  });
});
