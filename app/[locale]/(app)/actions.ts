'use server';
// App-wide server actions: sign out, switch workspace.
import { cookies } from 'next/headers';
import { signOut } from '@/auth';
import { getDb } from '@/db';
import { WORKSPACE_COOKIE, getSessionUser, setWorkspaceCookie } from '@/lib/auth/session-scope';
import { listUserWorkspaces } from '@/lib/workspaces/list-workspaces';
import { workspaceIdSchema } from '@/lib/workspaces/schemas';

export async function signOutAction() {
  (await cookies()).delete(WORKSPACE_COOKIE);
  await signOut({ redirectTo: '/' });
}

export async function switchWorkspaceAction(workspaceId: string) {
  const parsed = workspaceIdSchema.safeParse(workspaceId);
  if (!parsed.success) return { ok: false as const, error: 'not_found' };
  const id = parsed.data;
  const user = await getSessionUser();
  if (!user) return { ok: false as const, error: 'unauthorized' };
  const workspaces = await listUserWorkspaces(await getDb(), user.id);
  if (!workspaces.some((workspace) => workspace.id === id)) return { ok: false as const, error: 'not_found' };
  await setWorkspaceCookie(id);
  return { ok: true as const, data: { workspaceId: id } };
}
