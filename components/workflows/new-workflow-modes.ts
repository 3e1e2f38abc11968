// The ways to start a new workflow, as `?new=` names them: describe it (AI creator), from scratch, or paste JSON.
export const newWorkflowModes = ['describe', 'scratch', 'json'] as const;
export type NewWorkflowMode = (typeof newWorkflowModes)[number];
