// Connector credentials: which secret fields each connector needs, and the API's create-or-replace body.
import { z } from 'zod';

export const connectorTypes = ['slack', 'telegram', 'notion', 'google_sheets', 'webhook'] as const;
export type ConnectorType = (typeof connectorTypes)[number];

export const credentialNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the credential a name')
  .max(80, 'Use at most 80 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:-]*$/u, 'Use letters, digits, spaces and . _ : -');

export const connectorSecretSchemas = {
  slack: z.strictObject({
    webhookUrl: z.url({
      protocol: /^https?$/,
      error: 'An incoming webhook URL such as https://hooks.slack.com/services/…',
    }),
  }),
  telegram: z.strictObject({
    botToken: z
      .string()
      .trim()
      .regex(/^\d{3,}:[\w-]{20,}$/, 'A bot token from @BotFather looks like 123456789:AA…'),
  }),
  notion: z.strictObject({
    token: z.string().trim().min(20, 'An internal integration secret (ntn_… or secret_…)').max(500),
  }),
  google_sheets: z.strictObject({
    accessToken: z.string().trim().min(10, 'An OAuth access token with the spreadsheets scope').max(4096),
  }),
  webhook: z.strictObject({
    secret: z.string().min(16, 'Use a signing secret of at least 16 characters').max(500),
    /** Where "Test connection" sends a signed ping; steps name their own URL. */
    url: z
      .url({ protocol: /^https?$/, error: 'An absolute http(s) URL such as https://example.com/hooks/levqor' })
      .optional(),
  }),
} as const satisfies Record<ConnectorType, z.ZodType<Record<string, string>>>;

/** The field whose last characters are shown as a hint. */
export const hintField: Record<ConnectorType, string> = {
  slack: 'webhookUrl',
  telegram: 'botToken',
  notion: 'token',
  google_sheets: 'accessToken',
  webhook: 'secret',
};

const saveFor = <C extends ConnectorType>(connector: C) =>
  z.object({ name: credentialNameSchema, connector: z.literal(connector), fields: connectorSecretSchemas[connector] });

export const saveCredentialSchema = z.discriminatedUnion('connector', [
  saveFor('slack'),
  saveFor('telegram'),
  saveFor('notion'),
  saveFor('google_sheets'),
  saveFor('webhook'),
]);
export type SaveCredentialInput = z.infer<typeof saveCredentialSchema>;

/** A saved connection as the API shows it: never the secret, only a hint of its last characters. */
export const connectionSchema = z
  .object({
    id: z.uuid(),
    name: z.string().meta({ description: 'What workflow steps name in `credential`', example: 'slack-alerts' }),
    connector: z.enum(connectorTypes),
    hint: z.string().nullable().meta({ description: 'The last four characters of the secret, as `…abcd`' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Connection' });

/** GET /api/v1/connections: a page of names. */
export const listConnectionsQuerySchema = z.object({
  cursor: z.string().max(512).optional().meta({ description: 'The `nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'Items per page (1–100)' }),
});
