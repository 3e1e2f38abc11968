// The validator's messages for one field, under it; the field points here with aria-describedby.
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';

export const describedBy = (...ids: unknown[]) =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ') || undefined;

export function FieldErrors({ id, issues }: { id: string; issues?: EditorIssue[] }) {
  if (!issues?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-danger" data-testid="field-error">
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>{issue.message}</li>
      ))}
    </ul>
  );
}

export const inputClass =
  'mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-subtle aria-[invalid=true]:border-danger';
