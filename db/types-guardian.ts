// Tables of the guardian and the operator pages (migration 0005).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuid = ColumnType<string, string | undefined, never>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export const upgradePlanStatuses = ['open', 'in_progress', 'applied', 'archived'] as const;
export const upgradePlanCategories = ['performance', 'reliability', 'i18n', 'ux', 'pricing', 'security'] as const;
export const upgradePlanRisks = ['low', 'medium', 'high'] as const;

export type UpgradePlanStatus = (typeof upgradePlanStatuses)[number];
export type UpgradePlanCategory = (typeof upgradePlanCategories)[number];
export type UpgradePlanRisk = (typeof upgradePlanRisks)[number];

export type UpgradePlanTable = {
  id: Uuid;
  /** Stable key of the finding a plan answers (`slow_endpoint:GET /api/x`): rebuilds update, never duplicate. */
  fingerprint: string;
  title: string;
  description: string;
  status: ColumnType<UpgradePlanStatus, UpgradePlanStatus | undefined, UpgradePlanStatus>;
  priority: number;
  category: UpgradePlanCategory;
  risk: UpgradePlanRisk;
  source: string;
  metadata: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_seen_at: Timestamp;
  archived_at: NullableTimestamp;
};

export type GuardianAlertTable = {
  fingerprint: string;
  kind: string;
  title: string;
  occurrences: ColumnType<number, number | undefined, number>;
  first_seen_at: CreatedAt;
  last_seen_at: Timestamp;
  last_sent_at: NullableTimestamp;
  channels: ColumnType<string[], string[] | undefined, string[]>;
};

export type GuardianReportTable = {
  id: Generated<string>;
  kind: 'daily' | 'weekly';
  /** `platform`, or the workspace id of a weekly tenant report. */
  scope_key: string;
  period_start: Timestamp;
  health_score: number | null;
  body: Json;
  created_at: CreatedAt;
};

export type OpsSettingTable = {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type GuardianTables = {
  upgrade_plans: UpgradePlanTable;
  guardian_alerts: GuardianAlertTable;
  guardian_reports: GuardianReportTable;
  ops_settings: OpsSettingTable;
};
