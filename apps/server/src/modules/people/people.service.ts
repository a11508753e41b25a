import { Validator } from '@ecohub/domain';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { assertValid, badInput } from '../../core/errors.ts';
import { containsPattern, findRecord } from '../../core/database/records.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage } from '../../core/graphql/planned-read.ts';
import { isUuid } from '../../core/ids.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from './person.entity.ts';
import type { PeopleFilter, UpdateMyProfileInput } from './people.inputs.ts';

export const LOCALES = ['ko', 'en'] as const;

/**
 * People of the program (managers, experts, observers) are visible to everyone signed in;
 * company staff only to those who may see that company's people.
 */
export async function peopleVisibility(ctx: UnitOfWork): Promise<FilterQuery<Person>> {
  ctx.access.requireViewer();
  const scope = await ctx.access.scope('people');
  return scope === 'all' ? {} : { $or: [{ company: null }, { company: { $in: [...scope] } }] };
}

/** What a people page may read without entities: the resolvers of these fields honour planned rows. */
const PEOPLE_PAGE = { relations: { company: Company }, rowFields: { email: ['id', 'email'], phone: ['id', 'phone'] } };

export async function listPeople(ctx: UnitOfWork, filter: PeopleFilter = {}, page: PageArgs = {}, selection?: Selection) {
  if (filter.companyId && !isUuid(filter.companyId)) throw badInput('companyId is not a valid id');
  const where: FilterQuery<Person>[] = [await peopleVisibility(ctx)];
  if (!filter.includeDisabled) where.push({ disabledAt: null });
  if (filter.role) where.push({ role: filter.role });
  if (filter.companyId) where.push({ company: filter.companyId });
  if (filter.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.push({ $or: [{ name: { $ilike: pattern } }, { nameEn: { $ilike: pattern } }] });
  }
  return selectedPage(ctx.em, Person, { $and: where }, page, 'name', selection, PEOPLE_PAGE);
}

/** A person the viewer may see (themselves always), or NOT_FOUND. */
export async function getPerson(ctx: UnitOfWork, id: string): Promise<Person> {
  const viewer = ctx.access.requireViewer();
  const person = await findRecord(ctx.em, Person, id, 'Person');
  if (person.company && person.id !== viewer.personId) {
    await ctx.access.assertCanSeeCompany('people', person.company.id, 'Person', id);
  }
  return person;
}

const PHONE = /^[0-9+()\- ]{4,40}$/;

export async function updateMyProfile(ctx: UnitOfWork, input: UpdateMyProfileInput): Promise<Person> {
  const viewer = ctx.access.assertCan('profile.update');
  const v = new Validator()
    .text('name', input.name, { max: 100, required: input.name === null })
    .text('nameEn', input.nameEn, { max: 100 })
    .text('jobTitle', input.jobTitle, { max: 100 });
  if (input.phone) v.check('phone', PHONE.test(input.phone.trim()), 'format', 'phone may hold digits, spaces, +, - and parentheses (4–40)');
  if (input.locale !== undefined) v.check('locale', LOCALES.includes(input.locale as never), 'oneOf', `locale must be one of ${LOCALES.join(', ')}`);
  assertValid(v.violations);
  const optional = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
  return inTransaction(ctx, async (em, changes) => {
    const person = await em.findOneOrFail(Person, viewer.personId);
    const diff = applyChanges(person, {
      name: input.name?.trim(),
      nameEn: optional(input.nameEn),
      jobTitle: optional(input.jobTitle),
      phone: optional(input.phone),
      locale: input.locale ?? undefined,
    } as Partial<Person>);
    if (Object.keys(diff).length > 0) {
      changes.record({
        action: 'person.profileUpdated',
        entityType: 'Person',
        entityId: person.id,
        companyId: person.company?.id ?? null,
        summary: `${person.name} updated their profile`,
        diff,
      });
    }
    return person;
  });
}
