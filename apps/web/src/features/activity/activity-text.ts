/** Turns history entries into sentences in the viewer's language. */
type Translate = (key: string, values?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

const ENUM_FIELDS: Record<string, Record<string, string>> = {
  Task: { status: 'TaskStatus', priority: 'TaskPriority' },
  Measure: { status: 'MeasureStatus', category: 'MeasureCategory' },
  Participation: { status: 'ParticipationStatus' },
  ProgramEvent: { kind: 'EventKind' },
  Comment: { visibility: 'CommentVisibility' },
};

/** Bookkeeping fields nobody reads in a history. */
const HIDDEN_FIELDS = new Set(['rank', 'version', 'updatedAt', 'createdAt', 'id']);

export function actionLabel(t: Translate, te: Has, action: string): string {
  const key = `activity.actions.${action.replace('.', '_')}`;
  return te(key) ? t(key) : t('activity.actions.other', { action });
}

export function fieldLabel(t: Translate, te: Has, field: string): string {
  const key = `activity.fields.${field}`;
  return te(key) ? t(key) : field;
}

export function valueLabel(t: Translate, te: Has, entityType: string, field: string, value: string | null): string {
  if (value === null || value === '') return t('common.none');
  const enumName = ENUM_FIELDS[entityType]?.[field];
  if (enumName && te(`enums.${enumName}.${value}`)) return t(`enums.${enumName}.${value}`);
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

export function visibleChanges<T extends { field: string }>(changes: readonly T[]): T[] {
  return changes.filter((change) => !HIDDEN_FIELDS.has(change.field));
}
