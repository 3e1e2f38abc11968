import 'server-only';
// What the API shows of a connector credential: never the secret, only a hint of its last characters.
import type { Selectable } from 'kysely';
import type { ConnectorCredentialTable } from '@/db/types-workflows';

export type ConnectorCredentialDto = {
  id: string;
  name: string;
  connector: string;
  /** `…abcd`: the last four characters of the secret, or null when it is too short to show any. */
  hint: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const credentialDtoColumns = ['id', 'name', 'connector', 'hint', 'created_at', 'updated_at'] as const;

type DtoRow = Pick<Selectable<ConnectorCredentialTable>, (typeof credentialDtoColumns)[number]>;

export function toCredentialDto(row: DtoRow): ConnectorCredentialDto {
  return {
    id: row.id,
    name: row.name,
    connector: row.connector,
    hint: row.hint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
