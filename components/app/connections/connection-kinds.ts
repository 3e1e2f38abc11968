// The connection kinds and the fields each one's form asks for (browser-safe; the server checks them again).
import { connectorTypes, type ConnectorType } from '@/lib/workflows/credentials/schemas';

export const connectionKinds = connectorTypes;
export type ConnectionKind = ConnectorType;

export type KindField = { name: string; secret: boolean; optional?: boolean; placeholder?: string };

export const kindFields: Record<ConnectionKind, KindField[]> = {
  slack: [{ name: 'webhookUrl', secret: true, placeholder: 'https://hooks.slack.com/services/…' }],
  telegram: [{ name: 'botToken', secret: true, placeholder: '123456789:AA…' }],
  notion: [{ name: 'token', secret: true, placeholder: 'ntn_…' }],
  google_sheets: [{ name: 'accessToken', secret: true, placeholder: 'ya29.…' }],
  webhook: [
    { name: 'url', secret: false, optional: true, placeholder: 'https://example.com/hooks/levqor' },
    { name: 'secret', secret: true },
  ],
};

/** The connection kind a step's config field picks, or null for fields that are not connections. */
export function connectionKindFor(stepType: string, field: string): ConnectionKind | null {
  if (stepType === 'webhook') return field === 'signingCredential' ? 'webhook' : null;
  if (field !== 'credential') return null;
  return (connectionKinds as readonly string[]).includes(stepType) ? (stepType as ConnectionKind) : null;
}

export type ConnectionSummary = { id: string; name: string; connector: string; hint: string | null };
