// The editor's draft of a workflow, kept per workspace and workflow in the browser: what is on screen (definition,
// and the JSON editor's text while it does not parse) and the saved version it started from. Pure functions.
export type WorkflowDraft = {
  definition: unknown;
  /** The JSON editor's text, kept only while it differs from `definition` (e.g. it does not parse yet). */
  text?: string;
  baseVersion: number;
  /** When the draft was last written (ISO). */
  updatedAt: string;
};

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (workspaceId: string, workflowId: string) => `levqor:draft:${workspaceId}:${workflowId}`;

/** JSON with object keys sorted, so two definitions that differ only in key order compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

/** True when what is on screen differs from the saved definition (text that does not parse always counts). */
export function isDirty(draft: Pick<WorkflowDraft, 'definition' | 'text'> | null, saved: unknown): boolean {
  if (!draft) return false;
  if (draft.text !== undefined) {
    try {
      return stableJson(JSON.parse(draft.text)) !== stableJson(saved);
    } catch {
      return true;
    }
  }
  return stableJson(draft.definition) !== stableJson(saved);
}

/** The saved workflow moved on since the draft began: saving it would overwrite someone's newer version. */
export const hasConflict = (draft: WorkflowDraft, currentVersion: number) => draft.baseVersion !== currentVersion;

/** A stored draft, or null when there is none or it is not one of ours (corrupt, or from an older format). */
export function readDraft(storage: Pick<Storage, 'getItem'>, key: string): WorkflowDraft | null {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<WorkflowDraft> | null;
    if (!value || typeof value !== 'object' || typeof value.baseVersion !== 'number') return null;
    if (!('definition' in value) || typeof value.updatedAt !== 'string') return null;
    if (value.text !== undefined && typeof value.text !== 'string') return null;
    return value as WorkflowDraft;
  } catch {
    return null;
  }
}

/** Stores the draft when it differs from the saved definition, and removes it when it no longer does. */
export function writeDraft(storage: DraftStorage, key: string, draft: WorkflowDraft, saved: unknown): boolean {
  const dirty = isDirty(draft, saved);
  try {
    if (dirty) storage.setItem(key, JSON.stringify(draft));
    else storage.removeItem(key);
  } catch {
    // NOTE: storage full or blocked (private mode): the editor keeps working, only the draft is not kept.
  }
  return dirty;
}

/** The definition a test run should follow: the draft's when it is dirty and parses, else undefined (the saved one). */
export function draftToRun(draft: WorkflowDraft | null, saved: unknown): unknown {
  if (!draft || !isDirty(draft, saved)) return undefined;
  if (draft.text === undefined) return draft.definition;
  try {
    return JSON.parse(draft.text);
  } catch {
    return undefined;
  }
}
