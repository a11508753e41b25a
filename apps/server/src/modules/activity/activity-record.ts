import type { EntityManager } from '@mikro-orm/postgresql';
import { rowJsonSql } from '../../core/database/row-json.ts';
import type { CarriedRecord } from '../../core/realtime/carried-record.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { ActivityEntry } from './activity-entry.entity.ts';

/** Rows as `rowJsonSql` writes them (column names), null for a relation the entry does not have. */
interface CarriedEntry {
  entry: Record<string, unknown>;
  actor: Record<string, unknown> | null;
  company: Record<string, unknown> | null;
}

let statement: string | null = null;

/**
 * The history entry an event renders from (activityAdded), with its actor and company as
 * `findOne(…, { populate: ['actor', 'company'] })` loads them. Every event with an `activityId`
 * carries it in its batch, so live delivery reads no statement on any instance.
 */
export const ACTIVITY_RECORD: CarriedRecord<ActivityEntry | null> = {
  what: 'activity',
  sql(em) {
    // A uuid-shaped id only: a malformed one must not fail the write (it is loaded, and not found).
    statement ??= `case when i.payload->>'activityId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (
        select json_build_object('entry', ${rowJsonSql(em, ActivityEntry, 'a')}, 'actor', ${rowJsonSql(em, Person, 'p')}, 'company', ${rowJsonSql(em, Company, 'c')})
          from activity_entry a
          left join person p on p.id = a.actor_id
          left join company c on c.id = a.company_id
         where a.id = (i.payload->>'activityId')::uuid) end`;
    return statement;
  },
  hydrate(em, carried) {
    const { entry, actor, company } = carried as CarriedEntry;
    // Related rows first: the entry's references then point at loaded entities, as after populate.
    if (actor) em.map(Person, actor);
    if (company) em.map(Company, company);
    return em.map(ActivityEntry, entry);
  },
  load(em: EntityManager, record) {
    const activityId = record.payload.activityId;
    return typeof activityId === 'string' ? em.findOne(ActivityEntry, activityId, { populate: ['actor', 'company'] }) : Promise.resolve(null);
  },
};
