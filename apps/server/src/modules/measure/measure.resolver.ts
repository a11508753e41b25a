import {
  allowedNext,
  EmissionFactorKind,
  ghgReductionTco2e,
  measureMachine,
  MeasureStatus,
  paybackYears,
} from '@ecohub/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { PageArgs } from '../../core/graphql/pagination.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { LAST_EDITED_BY_DESCRIPTION, lastEditor } from '../people/index.ts';
import { ProgramYear } from '../program/program-year.entity.ts';
import { EmissionFactor } from './emission-factor.entity.ts';
import { createEmissionFactor, listEmissionFactors } from './emission-factor.service.ts';
import { Measure } from './measure.entity.ts';
import {
  CreateEmissionFactorInput,
  CreateMeasureInput,
  MeasureFilter,
  MeasureFollowUpInput,
  TransitionMeasureArgs,
  UpdateMeasureInput,
} from './measure.inputs.ts';
import { getMeasure, listMeasures, measureTotals } from './measure.queries.ts';
import { createMeasure, updateMeasure } from './measure.service.ts';
import { archiveMeasure, recordMeasureFollowUp, transitionMeasure } from './measure-status.service.ts';
import { MeasureConnection, MeasureTotals } from './measure.types.ts';

async function loadFactor(ref: Measure['electricityFactor']): Promise<EmissionFactor | null> {
  return ref ? ((await ref.load({ dataloader: true })) ?? null) : null;
}

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => MeasureConnection, { description: 'Measures the viewer may see, oldest first' })
  measures(
    @Arg('filter', () => MeasureFilter, { nullable: true }) filter: MeasureFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listMeasures(ctx, filter, page, lookAhead(info));
  }

  @Query(() => MeasureTotals, { description: 'Count and sums of the measures the same filter lists' })
  measureTotals(
    @Arg('filter', () => MeasureFilter, { nullable: true }) filter: MeasureFilter | null,
    @Arg('includeDropped', () => Boolean, { defaultValue: false, description: 'Add the dropped measures to the sums too' }) includeDropped: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return measureTotals(ctx, filter, includeDropped);
  }

  @Query(() => Measure)
  measure(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Measure> {
    return getMeasure(ctx, id);
  }

  @Mutation(() => Measure, { description: 'Emission factors default to those valid for the program year' })
  createMeasure(@Arg('input', () => CreateMeasureInput) input: CreateMeasureInput, @Ctx() ctx: GraphQLContext): Promise<Measure> {
    return createMeasure(ctx, input);
  }

  @Mutation(() => Measure)
  updateMeasure(@Arg('input', () => UpdateMeasureInput) input: UpdateMeasureInput, @Ctx() ctx: GraphQLContext): Promise<Measure> {
    return updateMeasure(ctx, input);
  }

  @Mutation(() => Measure, { description: 'IMPLEMENTED stamps the day and schedules the follow-up check' })
  transitionMeasure(@Args(() => TransitionMeasureArgs) args: TransitionMeasureArgs, @Ctx() ctx: GraphQLContext): Promise<Measure> {
    return transitionMeasure(ctx, args);
  }

  @Mutation(() => Measure)
  recordMeasureFollowUp(@Arg('input', () => MeasureFollowUpInput) input: MeasureFollowUpInput, @Ctx() ctx: GraphQLContext): Promise<Measure> {
    return recordMeasureFollowUp(ctx, input);
  }

  @Mutation(() => Measure, { description: 'Hides the measure from lists, the board and the KPIs' })
  archiveMeasure(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Measure> {
    return archiveMeasure(ctx, id, version);
  }

  @FieldResolver(() => Company)
  company(@Root() measure: Measure): Company | Promise<Company> {
    return preloaded<Company>(measure, 'company') ?? measure.company.load({ dataloader: true }) as Promise<Company>;
  }

  @FieldResolver(() => ProgramYear)
  async programYear(@Root() measure: Measure): Promise<ProgramYear> {
    const participation = await measure.participation.load({ dataloader: true });
    return participation!.programYear.load({ dataloader: true }) as Promise<ProgramYear>;
  }

  @FieldResolver(() => Person, { nullable: true })
  async owner(@Root() measure: Measure): Promise<Person | null> {
    const planned = preloaded<Person | null>(measure, 'owner');
    if (planned !== undefined) return planned;
    return measure.owner ? ((await measure.owner.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: LAST_EDITED_BY_DESCRIPTION })
  lastEditedBy(@Root() measure: Measure, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return lastEditor(measure, ctx);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Investment over expected annual savings; null when it saves nothing' })
  paybackYears(@Root() measure: Measure): number | null {
    return paybackYears(measure.investmentKrw, measure.expectedAnnualSavingsKrw);
  }

  @FieldResolver(() => Float, { description: 'Annual tCO2e from the reductions and the factors this measure recorded' })
  async ghgReductionTco2e(@Root() measure: Measure): Promise<number> {
    const [electricity, lng, water] = await Promise.all([
      loadFactor(measure.electricityFactor),
      loadFactor(measure.lngFactor),
      loadFactor(measure.waterFactor),
    ]);
    return ghgReductionTco2e(
      { electricityKwh: measure.electricityKwhPerYear, lngNm3: measure.lngNm3PerYear, waterM3: measure.waterM3PerYear },
      {
        electricityPerMwh: electricity?.value ?? null,
        lngPerThousandNm3: lng?.value ?? null,
        waterPerThousandM3: water?.value ?? null,
      },
    );
  }

  @FieldResolver(() => [MeasureStatus], { description: 'Statuses transitionMeasure accepts next' })
  allowedNextStatuses(@Root() measure: Measure): readonly MeasureStatus[] {
    return measure.archivedAt ? [] : allowedNext(measureMachine, measure.status);
  }

  @FieldResolver(() => EmissionFactor, { nullable: true })
  electricityFactor(@Root() measure: Measure): Promise<EmissionFactor | null> {
    return loadFactor(measure.electricityFactor);
  }

  @FieldResolver(() => EmissionFactor, { nullable: true })
  lngFactor(@Root() measure: Measure): Promise<EmissionFactor | null> {
    return loadFactor(measure.lngFactor);
  }

  @FieldResolver(() => EmissionFactor, { nullable: true })
  waterFactor(@Root() measure: Measure): Promise<EmissionFactor | null> {
    return loadFactor(measure.waterFactor);
  }
}

@Resolver(() => EmissionFactor)
export class EmissionFactorResolver {
  @Query(() => [EmissionFactor], { description: 'Published factors (public reference data), newest first per kind' })
  emissionFactors(
    @Arg('kind', () => EmissionFactorKind, { nullable: true }) kind: EmissionFactorKind | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmissionFactor[]> {
    return listEmissionFactors(ctx.em, kind);
  }

  @Mutation(() => EmissionFactor, { description: 'Managers only; one factor per kind and first year' })
  createEmissionFactor(
    @Arg('input', () => CreateEmissionFactorInput) input: CreateEmissionFactorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmissionFactor> {
    return createEmissionFactor(ctx, input);
  }
}
