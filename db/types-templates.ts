// Tables of shared templates (migration 0007).
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuid = ColumnType<string, string | undefined, never>;
type JsonValue = ColumnType<unknown, string, string>;

export type SharedTemplateVisibility = 'workspace' | 'public';
export type SharedTemplateStatus = 'private' | 'pending_review' | 'approved' | 'rejected';

export type WorkflowTemplateTable = {
  id: Uuid;
  workspace_id: string;
  source_workflow_id: string | null;
  slug: string;
  title: string;
  summary: string;
  category: string | null;
  /** The shared definition, with secrets in headers and recipients replaced by placeholders. */
  definition: JsonValue;
  visibility: SharedTemplateVisibility;
  status: SharedTemplateStatus;
  use_count: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  reviewed_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type TemplateTables = { workflow_templates: WorkflowTemplateTable };
