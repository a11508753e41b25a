import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { findRecord } from '../../core/database/records.ts';
import { notFound } from '../../core/errors.ts';
import { createMeasure, Measure } from '../measure/index.ts';

/**
 * An expert reuses a library entry as a draft (PROPOSED) measure for another company: the kind,
 * title and figures carry over as a starting estimate. The description only when the expert
 * sees the source company, so nothing written about it travels to another tenant.
 */
export async function reuseLibraryEntry(uow: UnitOfWork, input: { measureId: string; companyId: string; programYearId: string; idempotencyKey?: string | null }): Promise<Measure> {
  uow.access.assertCan('library.reuse');
  const source = await findRecord(uow.em, Measure, input.measureId, 'LibraryEntry');
  if (source.archivedAt) throw notFound('LibraryEntry', input.measureId);
  const seesSource = await uow.access.canSeeCompany('program-results', source.company.id);
  return createMeasure(uow, {
    companyId: input.companyId,
    programYearId: input.programYearId,
    category: source.category,
    title: source.title,
    description: seesSource ? source.description : null,
    investmentKrw: source.investmentKrw,
    expectedAnnualSavingsKrw: source.expectedAnnualSavingsKrw,
    electricityKwhPerYear: source.electricityKwhPerYear,
    lngNm3PerYear: source.lngNm3PerYear,
    waterM3PerYear: source.waterM3PerYear,
    wasteTPerYear: source.wasteTPerYear,
    rawMaterialsTPerYear: source.rawMaterialsTPerYear,
    idempotencyKey: input.idempotencyKey ?? null,
  });
}
