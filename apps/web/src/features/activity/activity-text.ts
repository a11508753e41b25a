/** Turns history entries into sentences in the viewer's language. */
import type { Formatters } from '@/composables/useFormat';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

const ENUM_FIELDS: Record<string, Record<string, string>> = {
  Task: { status: 'TaskStatus', priority: 'TaskPriority' },
  Measure: { status: 'MeasureStatus', category: 'MeasureCategory' },
  Participation: { status: 'ParticipationStatus' },
  ProgramEvent: { kind: 'EventKind' },
  Comment: { visibility: 'CommentVisibility' },
  Diagnosis: { kind: 'DiagnosisKind' },
  BudgetLine: { source: 'FundingSource' },
  ExpertTeam: { specialty: 'Specialty' },
};

/** Bookkeeping fields nobody reads in a history (stamps the status change already tells). */
const HIDDEN_FIELDS = new Set(['rank', 'version', 'updatedAt', 'createdAt', 'id', 'completedAt', 'archivedAt', 'passwordHash', 'tokenHash', 'sha256', 'storageKey']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function actionLabel(t: Translate, te: Has, action: string): string {
  const key = `activity.actions.${action.replace('.', '_')}`;
  return te(key) ? t(key) : t('activity.actions.other');
}

export function fieldLabel(t: Translate, te: Has, field: string): string {
  const key = `activity.fields.${field}`;
  return te(key) ? t(key) : t('activity.fields.other');
}

/** A changed value as people read it: enums translated, money and dates formatted, ids never shown. */
export function valueLabel(t: Translate, te: Has, entityType: string, field: string, value: string | null, format?: Formatters): string {
  if (value === null || value === '') return t('common.none');
  const enumName = ENUM_FIELDS[entityType]?.[field];
  if (enumName && te(`enums.${enumName}.${value}`)) return t(`enums.${enumName}.${value}`);
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
  if (format) {
    const number = Number(value);
    if (/Krw$/.test(field) && Number.isFinite(number)) return format.krw(number);
    if (LOCAL_DATE.test(value)) return format.date(value);
    if (INSTANT.test(value)) return format.dateTime(value);
    if (/^-?\d+(\.\d+)?$/.test(value) && Number.isFinite(number)) return format.decimal(number);
  }
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

/** Whether a change names a record only by its id: the sentence then says what changed, without values. */
export function isReference(change: { from?: string | null; to?: string | null }): boolean {
  return [change.from, change.to].some((value) => !!value && UUID.test(value));
}

export function visibleChanges<T extends { field: string }>(changes: readonly T[]): T[] {
  return changes.filter((change) => !HIDDEN_FIELDS.has(change.field));
}

/** Where the record of an entry lives in the client, or null when it has no page. */
export function recordLink(entry: { entityType: string; entityId: string; company?: { id: string } | null }): string | null {
  const company = entry.company?.id;
  switch (entry.entityType) {
    case 'Task':
      return company ? `/companies/${company}/tasks/${entry.entityId}` : null;
    case 'Measure':
      return company ? `/companies/${company}/measures/${entry.entityId}` : null;
    case 'Diagnosis':
      return company ? `/companies/${company}/diagnoses` : null;
    case 'Participation':
    case 'Company':
      return `/companies/${company ?? entry.entityId}/overview`;
    case 'Comment':
    case 'Attachment':
      return company ? `/companies/${company}/tasks` : null;
    case 'ProgramEvent':
      return `/events/${entry.entityId}`;
    case 'ExpertTeam':
      return '/teams';
    case 'ProgramYear':
    case 'BudgetLine':
    case 'Program':
      return '/program-years';
    default:
      return null;
  }
}
