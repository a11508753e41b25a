import { LIMITS, Validator } from '@ecohub/domain';
import { audience, eventAudience, type Audience } from '../../core/auth/visibility.ts';
import { assertValid, badInput } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType, type RecordedPayload } from '../../core/realtime/event-types.ts';
import type { EventChangedPayload } from './event.topics.ts';
import { isUuid } from '../../core/ids.ts';
import { creationDiff, type FieldDiff } from '../activity/index.ts';
import { Company } from '../company/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ProgramEvent } from './program-event.entity.ts';
import type { CancelEventInput, CreateEventInput, InviteCompaniesInput, UninviteCompanyInput, UpdateEventInput } from './event.inputs.ts';

const MAX_INVITES = 200;

type EventFields = { [K in keyof CreateEventInput]?: CreateEventInput[K] | null };

function validateEvent(input: EventFields, creating: boolean): void {
  const v = new Validator()
    .text('title', input.title, { max: LIMITS.shortText, required: creating || input.title === null })
    .text('venue', input.venue, { max: LIMITS.shortText, required: creating || input.venue === null })
    .text('description', input.description, { max: LIMITS.longText });
  for (const field of ['kind', 'startsAt', 'endsAt'] as const) {
    if (!creating && input[field] === null) v.check(field, false, 'required', `${field} is required`);
  }
  assertValid(v.violations);
}

function assertTimeOrder(startsAt: Date, endsAt: Date): void {
  assertValid(new Validator().check('endsAt', endsAt.getTime() >= startsAt.getTime(), 'endBeforeStart', 'endsAt must not be before startsAt').violations);
}

/**
 * One history entry and live event for the year's calendar. The entry is seen by `audience`: by
 * default the event's own (the whole program, or the companies a site visit is for). The live
 * event is for whoever sees the event now and, when a change narrowed that (`shownBefore`: an
 * uninvited company, a workshop turned site visit), whoever saw it before, so it leaves their calendar.
 */
export function recordEvent(
  changes: ChangeLog,
  event: ProgramEvent,
  action: string,
  summary: string,
  diff: FieldDiff,
  options: { companyIds?: string[]; audience?: Audience; shownBefore?: Audience } = {},
): void {
  const programYearId = event.programYear.id;
  const shownNow = audienceOfEvent(event);
  const shownTo = options.shownBefore && JSON.stringify(options.shownBefore) !== JSON.stringify(shownNow) ? [shownNow, options.shownBefore] : [shownNow];
  const payload: Omit<EventChangedPayload, keyof RecordedPayload> = { action, shownTo, ...(options.companyIds ? { companyIds: options.companyIds } : {}) };
  changes.record(
    { action, entityType: 'ProgramEvent', entityId: event.id, programYearId, summary, diff, audience: options.audience ?? shownNow },
    { type: EventType.EVENT_CHANGED, programYearId, payload },
  );
}

/** The audience of an event whose invitations are loaded (a new event has none yet). */
export function audienceOfEvent(event: ProgramEvent): Audience {
  return eventAudience(event.kind, event.invitedCompanies.isInitialized() ? event.invitedCompanies.getIdentifiers<string>() : []);
}

export function assertNotCancelled(event: ProgramEvent): void {
  if (event.cancelledAt) throw badInput(`${event.title} was cancelled and cannot be changed`);
}

export async function createEvent(ctx: UnitOfWork, input: CreateEventInput): Promise<ProgramEvent> {
  validateEvent(input, true);
  assertTimeOrder(input.startsAt, input.endsAt);
  return inTransaction(
    ctx,
    async (em, changes) => {
      const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
      const values = {
        kind: input.kind,
        title: input.title.trim(),
        description: input.description?.trim() || null,
        venue: input.venue.trim(),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      };
      const event = em.create(ProgramEvent, { ...values, programYear: year });
      recordEvent(changes, event, 'event.created', `${event.title} scheduled`, creationDiff(values));
      return event;
    },
    idempotentCreate(ProgramEvent, 'createEvent', input.idempotencyKey),
  );
}

export async function updateEvent(ctx: UnitOfWork, input: UpdateEventInput): Promise<ProgramEvent> {
  validateEvent(input, false);
  return inTransaction(ctx, async (em, changes) => {
    const event = await findRecord(em, ProgramEvent, input.id, 'ProgramEvent', { populate: ['invitedCompanies'] });
    assertVersion('ProgramEvent', event, input.version);
    assertNotCancelled(event);
    assertTimeOrder(input.startsAt ?? event.startsAt, input.endsAt ?? event.endsAt);
    const shownBefore = audienceOfEvent(event);
    const diff = applyChanges(event, {
      kind: input.kind ?? undefined,
      title: input.title?.trim(),
      description: input.description === undefined ? undefined : input.description?.trim() || null,
      venue: input.venue?.trim(),
      startsAt: input.startsAt ?? undefined,
      endsAt: input.endsAt ?? undefined,
    });
    if (Object.keys(diff).length > 0) recordEvent(changes, event, 'event.updated', `${event.title} updated`, diff, { shownBefore });
    return event;
  });
}

/** Cancelling keeps the event (and its attendance) in the history but off the calendar. */
export async function cancelEvent(ctx: UnitOfWork, input: CancelEventInput): Promise<ProgramEvent> {
  return inTransaction(ctx, async (em, changes) => {
    const event = await findRecord(em, ProgramEvent, input.id, 'ProgramEvent', { populate: ['invitedCompanies'] });
    assertVersion('ProgramEvent', event, input.version);
    assertNotCancelled(event);
    const diff = applyChanges(event, { cancelledAt: new Date() });
    recordEvent(changes, event, 'event.cancelled', `${event.title} cancelled`, diff);
    return event;
  });
}

export async function inviteCompaniesToEvent(ctx: UnitOfWork, input: InviteCompaniesInput): Promise<ProgramEvent> {
  const ids = [...new Set(input.companyIds)];
  assertValid(
    new Validator()
      .check('companyIds', ids.length > 0 && ids.length <= MAX_INVITES, 'outOfRange', `companyIds must list 1 to ${MAX_INVITES} companies`)
      .check('companyIds', ids.every(isUuid), 'invalidId', 'companyIds must be company ids').violations,
  );
  return inTransaction(ctx, async (em, changes) => {
    const event = await findRecord(em, ProgramEvent, input.eventId, 'ProgramEvent', { populate: ['invitedCompanies'] });
    assertNotCancelled(event);
    const companies = await em.find(Company, { id: { $in: ids } });
    const missing = ids.find((id) => !companies.some((company) => company.id === id));
    if (missing) await findRecord(em, Company, missing, 'Company');
    const added = companies.filter((company) => !event.invitedCompanies.contains(company));
    if (added.length === 0) return event;
    event.invitedCompanies.add(added);
    // One entry per company: an invitation of company X is seen by who may see X, not by the other invitees.
    for (const company of added) {
      recordEvent(changes, event, 'event.companiesInvited', `${company.nameKo} invited to ${event.title}`, { invitedCompanies: { from: null, to: [company.id] } }, {
        companyIds: [company.id],
        audience: audience.companies([company.id]),
      });
    }
    return event;
  });
}

export async function uninviteCompanyFromEvent(ctx: UnitOfWork, input: UninviteCompanyInput): Promise<ProgramEvent> {
  return inTransaction(ctx, async (em, changes) => {
    const event = await findRecord(em, ProgramEvent, input.eventId, 'ProgramEvent', { populate: ['invitedCompanies'] });
    assertNotCancelled(event);
    const company = event.invitedCompanies.getItems().find((candidate) => candidate.id === input.companyId);
    if (!company) throw badInput('That company is not invited to this event', [{ field: 'companyId', rule: 'notInvited', message: 'not invited' }]);
    const shownBefore = audienceOfEvent(event);
    event.invitedCompanies.remove(company);
    recordEvent(changes, event, 'event.companyUninvited', `${company.nameKo} no longer invited to ${event.title}`, { invitedCompanies: { from: company.id, to: null } }, {
      companyIds: [company.id],
      audience: audience.companies([company.id]),
      shownBefore,
    });
    return event;
  });
}
