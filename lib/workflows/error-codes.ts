// The registry of error codes a workflow run or step can end with (engine and step types), and whether each is
// retryable by nature: the debug assistant has a rule for every one, and a test keeps this list complete.

export const workflowErrorCodes = {
  // The engine
  attempts_exhausted: { retryable: false, source: 'engine' },
  interrupted: { retryable: true, source: 'engine' },
  invalid_config: { retryable: false, source: 'engine' },
  timeout: { retryable: true, source: 'engine' },
  step_error: { retryable: true, source: 'engine' },
  unknown_step_type: { retryable: false, source: 'engine' },
  workspace_deleted: { retryable: false, source: 'engine' },
  approval_rejected: { retryable: false, source: 'engine' },
  approval_expired: { retryable: false, source: 'engine' },
  cancelled: { retryable: false, source: 'engine' },
  not_available: { retryable: false, source: 'engine' },
  // Outbound calls (egress guard and the shared call helpers, including the HTTP status → code mapping)
  network_error: { retryable: true, source: 'egress' },
  egress_refused: { retryable: false, source: 'egress' },
  invalid_url: { retryable: false, source: 'egress' },
  too_many_redirects: { retryable: false, source: 'egress' },
  redirect_not_followed: { retryable: false, source: 'egress' },
  response_too_large: { retryable: false, source: 'egress' },
  rate_limited: { retryable: true, source: 'egress' },
  upstream_error: { retryable: true, source: 'egress' },
  request_rejected: { retryable: false, source: 'egress' },
  // Step types
  unexpected_status: { retryable: false, source: 'step' },
  unexpected_response: { retryable: false, source: 'step' },
  credential_missing: { retryable: false, source: 'step' },
  credential_unreadable: { retryable: false, source: 'step' },
  email_failed: { retryable: true, source: 'step' },
  not_a_list: { retryable: false, source: 'step' },
  delay_too_long: { retryable: false, source: 'step' },
  backup_no_data: { retryable: false, source: 'step' },
  backup_too_large: { retryable: false, source: 'step' },
  backup_invalid_data: { retryable: false, source: 'step' },
} as const satisfies Record<string, { retryable: boolean; source: 'engine' | 'egress' | 'step' }>;

export type WorkflowErrorCode = keyof typeof workflowErrorCodes;

export const workflowErrorCodeList = Object.keys(workflowErrorCodes) as WorkflowErrorCode[];

export function isWorkflowErrorCode(code: string): code is WorkflowErrorCode {
  return Object.hasOwn(workflowErrorCodes, code);
}
