// Places the validator's issues in the visual editor: on a step (its card or one of its fields), the trigger, the settings, or the summary.
export type EditorIssue = { path: string; code?: string; message: string; stepId?: string };
/** `step`: the card as a whole; `own`: id, name, next, actionClass, type; `fields`: config fields. */
export type StepIssues = {
  step: EditorIssue[];
  own: Record<string, EditorIssue[]>;
  fields: Record<string, EditorIssue[]>;
  count: number;
};
export type IssueMap = {
  steps: StepIssues[];
  /** `name`, `description`. */
  workflow: Record<string, EditorIssue[]>;
  /** `type`, `cron`, `timezone`, `event`, `workflowId`. */
  trigger: Record<string, EditorIssue[]>;
  /** `concurrency`, `retry.maxAttempts`, `approvalTimeoutHours`… */
  settings: Record<string, EditorIssue[]>;
  /** Issues with a path the editor has no place for. */
  general: EditorIssue[];
};

const stepOwnFields = new Set(['id', 'name', 'type', 'next', 'actionClass']);

function push(record: Record<string, EditorIssue[]>, key: string, issue: EditorIssue) {
  (record[key] ??= []).push(issue);
}

/** Config fields are keyed by their first segment (`rules.0.op` → `rules`); a step's own fields by name. */
export function mapIssues(issues: readonly EditorIssue[], steps: readonly { id: string }[]): IssueMap {
  const map: IssueMap = {
    steps: steps.map(() => ({ step: [], own: {}, fields: {}, count: 0 })),
    workflow: {},
    trigger: {},
    settings: {},
    general: [],
  };
  for (const issue of issues) {
    const [root, second, third, fourth] = issue.path.split('.');
    if (root === 'steps' && second !== undefined && /^\d+$/.test(second)) {
      let index = Number(second);
      // The issue may be for an older order of the steps (validation is asynchronous): trust the step id when they disagree.
      if (issue.stepId && steps[index]?.id !== issue.stepId)
        index = steps.findIndex((step) => step.id === issue.stepId);
      const target = map.steps[index];
      if (!target) {
        map.general.push(issue);
        continue;
      }
      target.count++;
      if (third === 'config' && fourth) push(target.fields, fourth, issue);
      else if (third && stepOwnFields.has(third)) push(target.own, third, issue);
      else target.step.push(issue);
    } else if (root === 'trigger' && second) push(map.trigger, second, issue);
    else if (root === 'settings' && second) push(map.settings, [second, third].filter(Boolean).join('.'), issue);
    else if ((root === 'name' || root === 'description') && second === undefined) push(map.workflow, root, issue);
    else map.general.push(issue);
  }
  return map;
}
