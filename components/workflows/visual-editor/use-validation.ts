'use client';
// Validates the definition being edited 400 ms after the last change (POST /api/workflows/validate); stale answers are dropped.
import { useEffect, useState } from 'react';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { callApi } from '@/lib/client/call-api';

export const VALIDATE_DEBOUNCE_MS = 400;

type Checked = { for: EditorDefinition | null; issues: EditorIssue[]; failed: boolean };

/** `workflowId`: the saved workflow being edited; none for a workflow not saved yet. */
export function useValidation(definition: EditorDefinition, workflowId?: string) {
  const [checked, setChecked] = useState<Checked>({ for: null, issues: [], failed: false });
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await callApi<{ ok: boolean; issues?: EditorIssue[] }>('/api/workflows/validate', {
        json: { definition, workflowId },
      });
      if (cancelled) return;
      setChecked((previous) =>
        result.ok
          ? { for: definition, issues: result.data.issues ?? [], failed: false }
          : { for: definition, issues: previous.issues, failed: true },
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [definition, workflowId]);
  return {
    issues: checked.issues,
    checked: checked.for !== null,
    checking: checked.for !== definition,
    failed: checked.failed,
  };
}
