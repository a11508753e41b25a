import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Company } from '../company/index.ts';
import { Participation } from '../participation/index.ts';
import { LAST_EDITED_BY_DESCRIPTION, lastEditor, Person } from '../people/index.ts';
import { Diagnosis } from './diagnosis.entity.ts';
import { CreateDiagnosisInput, DiagnosisFilter, UpdateDiagnosisInput } from './diagnosis.inputs.ts';
import { getDiagnosis, listDiagnoses } from './diagnosis.service.ts';
import { createDiagnosis, updateDiagnosis } from './diagnosis-write.service.ts';

@ObjectType()
export class DiagnosisConnection extends Connection(Diagnosis) {}

@Resolver(() => Diagnosis)
export class DiagnosisResolver {
  @Query(() => DiagnosisConnection, { description: 'Diagnoses the viewer may see, newest first' })
  diagnoses(
    @Arg('filter', () => DiagnosisFilter, { nullable: true }) filter: DiagnosisFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listDiagnoses(ctx, filter ?? {}, page);
  }

  @Query(() => Diagnosis)
  diagnosis(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Diagnosis> {
    return getDiagnosis(ctx, id);
  }

  @Mutation(() => Diagnosis, { description: "Experts of the company's team and program managers" })
  createDiagnosis(@Arg('input', () => CreateDiagnosisInput) input: CreateDiagnosisInput, @Ctx() ctx: GraphQLContext): Promise<Diagnosis> {
    ctx.access.assertCan('work.write');
    return createDiagnosis(ctx, input);
  }

  @Mutation(() => Diagnosis, { description: "Experts of the company's team and program managers" })
  updateDiagnosis(@Arg('input', () => UpdateDiagnosisInput) input: UpdateDiagnosisInput, @Ctx() ctx: GraphQLContext): Promise<Diagnosis> {
    ctx.access.assertCan('work.write');
    return updateDiagnosis(ctx, input);
  }

  @FieldResolver(() => Participation)
  participation(@Root() diagnosis: Diagnosis): Promise<Participation> {
    return diagnosis.participation.load({ dataloader: true }) as Promise<Participation>;
  }

  @FieldResolver(() => Company)
  company(@Root() diagnosis: Diagnosis): Promise<Company> {
    return diagnosis.company.load({ dataloader: true }) as Promise<Company>;
  }

  @FieldResolver(() => Person, { nullable: true })
  async leadExpert(@Root() diagnosis: Diagnosis): Promise<Person | null> {
    return diagnosis.leadExpert ? ((await diagnosis.leadExpert.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: LAST_EDITED_BY_DESCRIPTION })
  lastEditedBy(@Root() diagnosis: Diagnosis, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return lastEditor(diagnosis, ctx);
  }
}

/** A participation's diagnoses, for viewers who may see the company's work; one query per page. */
@Resolver(() => Participation)
export class ParticipationDiagnosesResolver {
  @FieldResolver(() => [Diagnosis], { nullable: true, description: 'Initial and detailed diagnoses, oldest first; null for who may not see the work (hidden, not empty)' })
  async diagnoses(@Root() participation: Participation, @Ctx() ctx: GraphQLContext): Promise<Diagnosis[] | null> {
    if (!(await ctx.access.canSeeCompany('work', participation.company.id))) return null;
    return loader(ctx.loaders, 'diagnosesByParticipation', async (ids: readonly string[]) => {
      const rows = await ctx.em.find(Diagnosis, { participation: { $in: [...ids] } }, { orderBy: { conductedOn: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.participation.id === id));
    }).load(participation.id);
  }
}
