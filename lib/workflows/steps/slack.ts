// `slack`: posts a message to a channel through a Slack incoming webhook kept as a connector credential.
import { z } from 'zod';
import { credentialNameSchema } from '../credentials/schemas';
import { callService, credentialField, excerpt, readText, statusError, textField } from './outbound';
import { defineStep, StepError } from './types';

export const slackConfigSchema = z.strictObject({
  /** Name of a `slack` connector credential (its incoming webhook URL). */
  credential: credentialNameSchema,
  text: textField(40_000),
  /** Block Kit blocks; `text` is then the notification fallback. */
  blocks: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
});
export type SlackConfig = z.infer<typeof slackConfigSchema>;

export const slackStep = defineStep({
  type: 'slack',
  configSchema: slackConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  async execute(config, ctx) {
    const webhookUrl = await credentialField(ctx, config.credential, 'slack', 'webhookUrl');
    const response = await callService(ctx, 'Slack', webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: config.text, ...(config.blocks ? { blocks: config.blocks } : {}) }),
    });
    const text = await readText(response);
    if (!response.ok) throw statusError('Slack', response, text, ctx.services.now());
    // NOTE: an incoming webhook answers the plain text `ok`; anything else means the URL is not a Slack webhook.
    if (text.trim() !== 'ok')
      throw new StepError('unexpected_response', `Slack answered "${excerpt(text, 100)}" instead of "ok"`, false, {
        status: response.status,
      });
    return { kind: 'output', output: { delivered: true } };
  },
});
