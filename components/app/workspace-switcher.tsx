'use client';
// Switches the workspace the app acts in (kept in a cookie, checked on the server on every request).
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { switchWorkspaceAction } from '@/app/[locale]/(app)/actions';

export function WorkspaceSwitcher({
  workspaces,
  currentId,
  label,
}: {
  workspaces: { id: string; name: string }[];
  currentId: string;
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="block text-xs font-medium text-fg-subtle">
      {label}
      <select
        value={currentId}
        disabled={pending || workspaces.length < 2}
        onChange={(event) => {
          const id = event.target.value;
          startTransition(async () => {
            const result = await switchWorkspaceAction(id);
            if (result.ok) router.refresh();
          });
        }}
        className="mt-1 block w-full rounded-lg border border-border bg-surface-raised px-2 py-2 text-sm text-fg disabled:opacity-80"
        data-testid="workspace-switcher"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </label>
  );
}
