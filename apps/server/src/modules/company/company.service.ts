import { companyViolations, formatBusinessNumber } from '@ecohub/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { assertValid, badInput, conflict } from '../../core/errors.ts';
import { assertVersion, containsPattern, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage } from '../../core/graphql/planned-read.ts';
import { isUuid } from '../../core/ids.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { creationDiff } from '../activity/index.ts';
import { Person, stampEdit } from '../people/index.ts';
import { Company } from './company.entity.ts';
import type { ArchiveCompanyInput, CompanyFilter, CreateCompanyInput, UpdateCompanyInput } from './company.inputs.ts';

/** A company the viewer may see (program results), or NOT_FOUND. */
export async function getCompany(ctx: UnitOfWork, id: string): Promise<Company> {
  ctx.access.requireViewer();
  const company = await findRecord(ctx.em, Company, id, 'Company');
  await ctx.access.assertCanSeeCompany('program-results', company.id, 'Company', id);
  return company;
}

/** Companies with a participation matching the filter's year and status. */
async function participatingCompanyIds(em: EntityManager, filter: CompanyFilter): Promise<string[]> {
  if (filter.programYearId && !isUuid(filter.programYearId)) throw badInput('programYearId is not a valid id');
  const rows: { company_id: string }[] = await em.execute(
    `select distinct company_id from participation
      where (?::uuid is null or program_year_id = ?::uuid) and (?::text is null or status = ?)`,
    [filter.programYearId ?? null, filter.programYearId ?? null, filter.status ?? null, filter.status ?? null],
  );
  return rows.map((row) => row.company_id);
}

/** What a companies page may read without entities: these resolvers only read the row. */
const COMPANY_PAGE = {
  relations: { lastEditedBy: Person },
  rowFields: { contactName: ['contactName'], contactEmail: ['contactEmail'], contactPhone: ['contactPhone'] },
};

export async function listCompanies(ctx: UnitOfWork, filter: CompanyFilter = {}, page: PageArgs = {}, selection?: Selection) {
  ctx.access.requireViewer();
  const where: FilterQuery<Company>[] = [await ctx.access.companyFilter('program-results', 'id')];
  if (!filter.includeArchived) where.push({ archivedAt: null });
  if (filter.industrialComplex) where.push({ industrialComplex: filter.industrialComplex });
  if (filter.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.push({ $or: [{ nameKo: { $ilike: pattern } }, { nameEn: { $ilike: pattern } }, { businessNumber: { $ilike: pattern } }] });
  }
  if (filter.programYearId || filter.status) where.push({ id: { $in: await participatingCompanyIds(ctx.em, filter) } });
  return selectedPage(ctx.em, Company, { $and: where }, page, 'nameKo', selection, COMPANY_PAGE);
}

type CompanyFields = { [K in keyof CreateCompanyInput]?: CreateCompanyInput[K] | null };

function validateCompany(input: CompanyFields, creating: boolean): void {
  assertValid(companyViolations(input, creating));
}

/** Optional text: trimmed, and empty means none. Undefined leaves the field as it is. */
function optional(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

function companyValues(input: CompanyFields) {
  return {
    nameKo: input.nameKo?.trim(),
    nameEn: optional(input.nameEn),
    businessNumber: input.businessNumber ? formatBusinessNumber(input.businessNumber.trim()) : undefined,
    industryCode: input.industryCode?.trim(),
    industryLabel: input.industryLabel?.trim(),
    industrialComplex: optional(input.industrialComplex),
    address: optional(input.address),
    employees: input.employees,
    ceoName: optional(input.ceoName),
    contactName: optional(input.contactName),
    contactEmail: optional(input.contactEmail)?.toLowerCase(),
    contactPhone: optional(input.contactPhone),
  };
}

/** A new record's values: what was not given is empty. */
function withNulls(values: ReturnType<typeof companyValues>) {
  const { nameKo, businessNumber, industryCode, industryLabel, ...optionalValues } = values;
  const rest = Object.fromEntries(Object.entries(optionalValues).map(([key, value]) => [key, value ?? null]));
  return { ...rest, nameKo: nameKo as string, businessNumber: businessNumber as string, industryCode: industryCode as string, industryLabel: industryLabel as string };
}

function duplicateNumber(businessNumber: string) {
  return conflict(`A company with business number ${businessNumber} is already registered`);
}

async function assertNumberFree(em: EntityManager, businessNumber: string | undefined, exceptId?: string): Promise<void> {
  if (!businessNumber) return;
  const taken = await em.findOne(Company, { businessNumber, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw duplicateNumber(businessNumber);
}

/** A race past the check above still meets the unique index: report it the same way. */
async function withUniqueNumber<T>(businessNumber: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && businessNumber) throw duplicateNumber(businessNumber);
    throw error;
  }
}

export async function createCompany(ctx: UnitOfWork, input: CreateCompanyInput): Promise<Company> {
  validateCompany(input, true);
  const values = companyValues(input);
  return withUniqueNumber(values.businessNumber, () =>
    inTransaction(
      ctx,
      async (em, changes) => {
        await assertNumberFree(em, values.businessNumber);
        const company = em.create(Company, withNulls(values));
        stampEdit(company, changes);
        changes.record({
          action: 'company.created',
          entityType: 'Company',
          entityId: company.id,
          companyId: company.id,
          summary: `Company ${company.nameKo} registered`,
          diff: creationDiff(values),
        });
        return company;
      },
      idempotentCreate(Company, 'createCompany', input.idempotencyKey),
    ),
  );
}

export async function updateCompany(ctx: UnitOfWork, input: UpdateCompanyInput): Promise<Company> {
  validateCompany(input, false);
  const values = companyValues(input);
  return withUniqueNumber(values.businessNumber, () =>
    inTransaction(ctx, async (em, changes) => {
      const company = await findRecord(em, Company, input.id, 'Company');
      assertVersion('Company', company, input.version);
      await assertNumberFree(em, values.businessNumber, company.id);
      const diff = applyChanges(company, values as Partial<Company>);
      if (Object.keys(diff).length > 0) {
        stampEdit(company, changes);
        // Its own event: every open page showing the company (register, board, its workspace) follows.
        changes.record(
          { action: 'company.updated', entityType: 'Company', entityId: company.id, companyId: company.id, summary: `Company ${company.nameKo} updated`, diff },
          { type: EventType.COMPANY_UPDATED, companyId: company.id },
        );
      }
      return company;
    }),
  );
}

/** Archived companies leave the lists but keep their history, participations and work. */
export async function archiveCompany(ctx: UnitOfWork, input: ArchiveCompanyInput): Promise<Company> {
  return inTransaction(ctx, async (em, changes) => {
    const company = await findRecord(em, Company, input.id, 'Company');
    assertVersion('Company', company, input.version);
    if (company.archivedAt) return company;
    const diff = applyChanges(company, { archivedAt: new Date() });
    stampEdit(company, changes);
    changes.record(
      { action: 'company.archived', entityType: 'Company', entityId: company.id, companyId: company.id, summary: `Company ${company.nameKo} archived`, diff },
      { type: EventType.COMPANY_UPDATED, companyId: company.id },
    );
    return company;
  });
}
