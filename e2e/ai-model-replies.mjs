// What the OpenAI stand-in answers in the model journey: a structured workflow proposal when asked for one (the
// `workflow_proposal` JSON schema), otherwise streamed help text. The proposal is also the model's answer in
// tests/ai/workflow/propose-workflow.int.test.ts.
export const workflowProposal = {
  name: 'Weekly new Stripe customers to Slack',
  description: null,
  trigger: { type: 'schedule', cron: '0 9 * * 1', timezone: 'UTC' },
  steps: [
    {
      id: 'fetch_customers',
      name: 'Fetch new customers',
      type: 'http_request',
      configJson: JSON.stringify({
        method: 'GET',
        url: 'https://api.stripe.com/v1/customers',
        headers: { Authorization: 'Bearer YOUR-STRIPE-RESTRICTED-KEY' },
      }),
    },
    {
      id: 'post_summary',
      name: 'Post to Slack',
      type: 'slack',
      configJson: JSON.stringify({
        credential: 'slack',
        text: 'New customers: {{steps.fetch_customers.output.body.data}}',
      }),
    },
  ],
  explanation: 'Every Monday at 9:00 it reads your new Stripe customers and posts them to Slack.',
};

/** @param {{ body: any }} request */
export function openAiStandInFallback(request) {
  if (request.body?.response_format?.json_schema?.name === 'workflow_proposal')
    return { kind: 'json', value: workflowProposal };
  return {
    kind: 'text',
    text: 'Add it under Settings → Connections: choose Slack and paste the incoming webhook URL.',
  };
}
