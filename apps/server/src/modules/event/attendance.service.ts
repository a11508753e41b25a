import { Validator } from '@ecohub/domain';
import { attendanceAudience } from '../../core/auth/visibility.ts';
import { assertValid, notFound } from '../../core/errors.ts';
import { findRecord } from '../../core/database/records.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { isUuid } from '../../core/ids.ts';
import { Person } from '../people/index.ts';
import { Attendance } from './attendance.entity.ts';
import { assertNotCancelled, audienceOfEvent, recordEvent } from './event-write.service.ts';
import type { RecordAttendanceInput } from './event.inputs.ts';
import { ProgramEvent } from './program-event.entity.ts';

function validateAttendance(input: RecordAttendanceInput): void {
  const hasPerson = Boolean(input.personId);
  const hasGuest = Boolean(input.guestName?.trim());
  const v = new Validator()
    .check('personId', hasPerson !== hasGuest, 'personOrGuest', 'Give either personId or guestName, not both')
    .text('guestName', input.guestName, { max: 100 })
    .text('guestAffiliation', input.guestAffiliation, { max: 200 });
  if (hasPerson) v.check('guestAffiliation', !input.guestAffiliation, 'guestOnly', 'guestAffiliation is for guests only');
  assertValid(v.violations);
}

/**
 * Records that someone came (or, with attended false, did not). A person has one row per
 * event, updated on repeat; guests without an account get a row each.
 */
export async function recordAttendance(ctx: UnitOfWork, input: RecordAttendanceInput): Promise<Attendance> {
  validateAttendance(input);
  const attended = input.attended ?? true;
  return inTransaction(ctx, async (em, changes) => {
    const event = await findRecord(em, ProgramEvent, input.eventId, 'ProgramEvent', { populate: ['invitedCompanies'] });
    assertNotCancelled(event);
    if (input.personId) {
      const person = await findRecord(em, Person, input.personId, 'Person');
      const existing = await em.findOne(Attendance, { event: event.id, person: person.id });
      if (existing && existing.attended === attended) return existing;
      const attendance = existing ?? em.create(Attendance, { event, person, company: person.company, attended });
      attendance.attended = attended;
      recordEvent(
        changes,
        event,
        'event.attendanceRecorded',
        `${person.name} ${attended ? 'attended' : 'did not attend'} ${event.title}`,
        { attendance: { from: existing ? !attended : null, to: attended }, person: { from: null, to: person.id } },
        { audience: attendanceAudience(audienceOfEvent(event), person.company?.id ?? null) },
      );
      return attendance;
    }
    const guestName = (input.guestName as string).trim();
    const attendance = em.create(Attendance, { event, guestName, guestAffiliation: input.guestAffiliation?.trim() || null, attended });
    recordEvent(changes, event, 'event.attendanceRecorded', `Guest ${guestName} ${attended ? 'attended' : 'did not attend'} ${event.title}`, {
      guestName: { from: null, to: guestName },
      attendance: { from: null, to: attended },
    });
    return attendance;
  });
}

/** Returns the event the attendance belonged to. */
export async function removeAttendance(ctx: UnitOfWork, id: string): Promise<ProgramEvent> {
  if (!isUuid(id)) throw notFound('Attendance', id);
  return inTransaction(ctx, async (em, changes) => {
    const attendance = await em.findOne(Attendance, { id }, { populate: ['event.invitedCompanies', 'person'] });
    if (!attendance) throw notFound('Attendance', id);
    const event = attendance.event.getEntity();
    assertNotCancelled(event);
    const who = attendance.person?.getEntity().name ?? attendance.guestName ?? 'someone';
    em.remove(attendance);
    recordEvent(changes, event, 'event.attendanceRemoved', `${who} removed from the attendance of ${event.title}`, {
      attendance: { from: attendance.attended, to: null },
      ...(attendance.person ? { person: { from: attendance.person.id, to: null } } : { guestName: { from: attendance.guestName, to: null } }),
    }, { audience: attendanceAudience(audienceOfEvent(event), attendance.company?.id ?? null) });
    return event;
  });
}
