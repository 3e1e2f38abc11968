// What the help panel tells the chat about where the user is: the page path, the workflow or run id in it, and which
// suggested questions fit the page.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WORKFLOW_PATH = new RegExp(`^/workflows/(${UUID})(?:/|$)`, 'i');
const RUN_PATH = new RegExp(`^/runs/(${UUID})(?:/|$)`, 'i');

export type HelpPage = 'default' | 'workflows' | 'runs' | 'approvals' | 'backups' | 'settings' | 'billing';

export type HelpContext = { path: string; workflowId?: string; runId?: string };

export function helpContextOf(pathname: string): HelpContext {
  const path = pathname.slice(0, 300);
  const workflowId = WORKFLOW_PATH.exec(path)?.[1];
  const runId = RUN_PATH.exec(path)?.[1];
  return { path, ...(workflowId ? { workflowId } : {}), ...(runId ? { runId } : {}) };
}

export function helpPageOf(pathname: string): HelpPage {
  const section = pathname.split('/')[1] ?? '';
  if (section === 'workflows') return 'workflows';
  if (section === 'runs' || section === 'failure-queue') return 'runs';
  if (section === 'approvals' || section === 'backups' || section === 'settings' || section === 'billing')
    return section;
  return 'default';
}
