import { MeasureStatus, Role, TaskStatus } from '@ecohub/domain';
import { systemUnitOfWork } from '../../core/actor/job-actor.ts';
import type { AppServices } from '../../core/app-services.ts';
import { addDays, programToday } from '../../core/calendar.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { NotificationKind, notify } from '../notification/index.ts';

/** Tasks due within this many days get one DUE_SOON reminder. */
export const DUE_SOON_DAYS = 2;

interface Due {
  subject_id: string;
  company_id: string;
  recipients: string[];
}

/**
 * The 08:00 KST reminders: tasks due within 2 days, tasks overdue, measure follow-ups due.
 * Each fires once per record and condition (the condition names the date, so a task moved to a
 * new due date is reminded again): `reminder_sent` takes the claim, and of two instances
 * running the same day only one inserts the row. Notifications appear in the app live and
 * reach mail through the person's batch like every other notification.
 */
export async function dailyRemindersJob(services: AppServices): Promise<{ dueSoon: number; overdue: number; followUps: number }> {
  const today = programToday(services.clock());
  const uow = systemUnitOfWork(services, services.logger.child({ job: 'reminders:daily', today }));
  return inTransaction(uow, async (em, changes) => {
    const taskReminders = (condition: 'DUE_SOON' | 'OVERDUE', dueFilter: string, params: string[]) =>
      em.execute<Due[]>(
        `with due as (
           select t.id, t.company_id, t.due_on from task t
            where t.archived_at is null and t.status <> '${TaskStatus.DONE}' and t.as_of_on is null and ${dueFilter}
         ), claimed as (
           insert into reminder_sent (subject_id, condition)
           select id, '${condition}:' || due_on from due
           on conflict do nothing returning subject_id
         )
         select d.id as subject_id, d.company_id,
                coalesce(array_agg(a.person_id) filter (where a.person_id is not null), '{}') as recipients
           from claimed c join due d on d.id = c.subject_id left join task_assignee a on a.task_id = d.id
          group by d.id, d.company_id`,
        params,
      );
    const dueSoon = await taskReminders('DUE_SOON', 't.due_on between ?::date and ?::date', [today, addDays(today, DUE_SOON_DAYS)]);
    const overdue = await taskReminders('OVERDUE', 't.due_on < ?::date', [today]);
    const followUps = await em.execute<Due[]>(
      `with due as (
         select m.id, m.company_id, m.follow_up_due_on, m.owner_id, p.team_id from measure m join participation p on p.id = m.participation_id
          where m.archived_at is null and m.status in ('${MeasureStatus.IMPLEMENTED}', '${MeasureStatus.VERIFIED}')
            and m.follow_up_checked_on is null and m.follow_up_due_on <= ?::date
       ), claimed as (
         insert into reminder_sent (subject_id, condition)
         select id, 'FOLLOW_UP_DUE:' || follow_up_due_on from due
         on conflict do nothing returning subject_id
       )
       select d.id as subject_id, d.company_id, array(
                select d.owner_id where d.owner_id is not null
                union select t.lead_id from expert_team t where t.id = d.team_id and t.lead_id is not null
                union select tm.person_id from team_membership tm where tm.team_id = d.team_id
                union select s.id from person s where s.company_id = d.company_id and s.role = '${Role.COMPANY_STAFF}'
              ) as recipients
         from claimed c join due d on d.id = c.subject_id`,
      [today],
    );
    for (const [kind, rows] of [
      [NotificationKind.DueSoon, dueSoon],
      [NotificationKind.Overdue, overdue],
    ] as const) {
      for (const row of rows) notify(em, changes, { kind, recipientIds: row.recipients, actorId: null, companyId: row.company_id, taskId: row.subject_id });
    }
    for (const row of followUps) {
      notify(em, changes, { kind: NotificationKind.FollowUpDue, recipientIds: row.recipients, actorId: null, companyId: row.company_id, measureId: row.subject_id });
    }
    await em.flush();
    return { dueSoon: dueSoon.length, overdue: overdue.length, followUps: followUps.length };
  });
}
