import { Role } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Access } from '../../core/auth/access.ts';
import { systemUnitOfWork, viewerForPerson } from '../../core/actor/job-actor.ts';
import type { AppServices } from '../../core/app-services.ts';
import { addDays, programToday, PROGRAM_TIME_ZONE } from '../../core/calendar.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from '../board/index.ts';
import { ghgFactorJoins } from '../measure/index.ts';
import { DeliveryMode, MailTopic, modeOf } from '../notification/index.ts';
import { Person } from '../people/person.entity.ts';
import { MailKind } from './mail-message.entity.ts';
import { mailText } from './mail-texts.ts';
import { queueMail } from './mail.service.ts';
import { followUpRoundsOf } from '../follow-up/index.ts';
import { notificationLine, notificationLink, pendingNotifications } from './notification-mail.job.ts';

/** Managers and experts get the digest daily; observers weekly (Mondays); staff only for notifications they chose to digest. */
const DAILY_ROLES: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT];

interface CompanyDay {
  id: string;
  name: string;
  done: number;
  measures: number;
  comments: number;
  /** The KPI change: measures implemented in the period, with the board's own figures for them. */
  implemented: { count: number; savingsKrw: number; tco2e: number } | null;
}

/** What happened in the person's companies between two Seoul midnights, as they may see it. */
async function companyActivity(em: EntityManager, access: Access, from: string, to: string): Promise<CompanyDay[]> {
  const results = await access.sqlCompanyCondition('program-results', 'c.id');
  const comments = await access.sqlCompanyCondition('comments', 'cm.company_id');
  const measures = await access.sqlCompanyCondition('program-results', 'm.company_id');
  const range = `>= (?::date)::timestamp at time zone '${PROGRAM_TIME_ZONE}' and %s < (?::date)::timestamp at time zone '${PROGRAM_TIME_ZONE}'`;
  const between = (column: string) => `${column} ${range.replace('%s', column)}`;
  const rows = await em.execute<{ id: string; name: string; done: number; measures: number; comments: number }[]>(
    `select c.id, c.name_ko as name,
            (select count(*)::int from task t where t.company_id = c.id and ${between('t.completed_at')}) as done,
            (select count(distinct a.entity_id)::int from activity_entry a
              where a.company_id = c.id and a.entity_type = 'Measure' and ${between('a.created_at')}) as measures,
            (select count(*)::int from comment cm where cm.company_id = c.id and ${comments.sql} and ${between('cm.created_at')}) as comments
       from company c where ${results.sql}
      order by c.name_ko`,
    [from, to, from, to, ...comments.params, from, to, ...results.params],
  );
  const implemented = await em.execute<(MeasureAggregateRow & { company_id: string })[]>(
    `select m.company_id, ${measureAggregatesSql('m')}
       from measure m ${ghgFactorJoins('m')}
      where m.archived_at is null and m.implemented_on >= ?::date and m.implemented_on < ?::date and ${measures.sql}
      group by m.company_id`,
    [from, to, ...measures.params],
  );
  const kpis = new Map(
    implemented.map((row) => {
      const figures = figuresOf(row);
      return [row.company_id, { count: figures.measureCounts.total, savingsKrw: figures.expectedAnnualSavingsKrw, tco2e: figures.ghgReductionTco2e }];
    }),
  );
  return rows
    .map((r) => ({ ...r, implemented: kpis.get(r.id) ?? null }))
    .filter((r) => r.done + r.measures + r.comments > 0 || r.implemented);
}

/**
 * The digest of one period for everyone it is due to: yesterday (daily) or the last seven
 * days (weekly, observers). Each person's digest is claimed in `reminder_sent` first, so a
 * second run (another instance, a retry after a crash) sends nobody a second copy.
 */
export async function digestJob(services: AppServices, period: 'daily' | 'weekly'): Promise<number> {
  const today = programToday(services.clock());
  const from = addDays(today, period === 'daily' ? -1 : -7);
  const em = services.orm.em.fork({ useContext: false });
  const roles = period === 'daily' ? DAILY_ROLES : [Role.OBSERVER];
  const people = await em.find(Person, { disabledAt: null, mailBouncedAt: null, $or: [{ role: { $in: [...roles] } }, ...(period === 'daily' ? [{ role: Role.COMPANY_STAFF }] : [])] });
  let sent = 0;
  for (const person of people) {
    const uow = systemUnitOfWork(services, services.logger.child({ job: `digest.${period}`, personId: person.id }));
    const queued = await inTransaction(uow, async (tx, changes) => {
      if ((await modeOf(tx, person.id, MailTopic.Digest)) === DeliveryMode.Off) return false;
      const viewer = await viewerForPerson(tx, person.id);
      if (!viewer) return false;
      const companies = roles.includes(person.role) ? await companyActivity(tx, new Access(tx, viewer), from, today) : [];
      const pending = period === 'daily' ? (await pendingNotifications(tx, person.id)).DAILY_DIGEST : [];
      if (companies.length === 0 && pending.length === 0) return false;
      const rounds = await followUpRoundsOf(tx, pending.map((n) => n.id));
      const claimed = await tx.execute<{ subject_id: string }[]>(
        `insert into reminder_sent (subject_id, condition) values (?, ?) on conflict do nothing returning subject_id`,
        [person.id, `DIGEST_${period.toUpperCase()}:${today}`],
      );
      if (claimed.length === 0) return false;
      const handledAt = new Date();
      for (const n of pending) n.mailedAt = handledAt;
      await queueMail(tx, changes, {
        to: { id: person.id, email: person.email, locale: person.locale },
        kind: MailKind.Digest,
        unsubscribeTopics: [MailTopic.Digest],
        render: (locale, origin) => {
          const t = mailText(locale);
          const weekly = period === 'weekly';
          return {
            subject: t.digestSubject(weekly),
            heading: t.digestHeading(weekly, from),
            paragraphs: companies.length
              ? companies.map(
                  (c) =>
                    t.digestCompany(c.name, c.done, c.measures, c.comments) +
                    (c.implemented ? ` ${t.digestKpi(c.implemented.count, c.implemented.savingsKrw, c.implemented.tco2e)}` : ''),
                )
              : [t.digestNothing],
            items: pending.map((n) => ({ text: `${t.digestPending}: ${notificationLine(locale, n, rounds)}`, url: notificationLink(origin, n) })),
            action: { label: 'EcoHub', url: `${origin}/board` },
            footer: [t.footer],
          };
        },
      });
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
