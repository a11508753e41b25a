import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../core/errors.ts';
import { Program } from './program.entity.ts';
import { ProgramYear } from './program-year.entity.ts';

/** Programs are few (one per region) and public: listing them needs no paging or scoping. */
export async function listPrograms(em: EntityManager): Promise<Program[]> {
  return em.find(Program, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export async function getProgram(em: EntityManager, id: string): Promise<Program> {
  const program = await em.findOne(Program, { id });
  if (!program) throw notFound('Program', id);
  return program;
}

export async function getProgramYear(em: EntityManager, id: string): Promise<ProgramYear> {
  const year = await em.findOne(ProgramYear, { id });
  if (!year) throw notFound('ProgramYear', id);
  return year;
}
