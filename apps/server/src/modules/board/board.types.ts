import { FundingSource, MeasureCategory, ParticipationStatus } from '@ecohub/domain';
import { Field, Float, ID, InputType, Int, InterfaceType, ObjectType } from 'type-graphql';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class BoardFilter {
  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ParticipationStatus, { nullable: true, description: 'A stage; default: every participating stage (selected to completed)' })
  status?: ParticipationStatus | null;

  @Field(() => MeasureCategory, {
    nullable: true,
    description:
      "Only companies with measures of this category. A board row's figures stay the company's own (that category's are in its `byCategory`); `boardKpis` and `boardTrend` count that category's measures only",
  })
  category?: MeasureCategory | null;
}

@ObjectType()
export class TaskCounts {
  @Field(() => Int) todo!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) inReview!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) blocked!: number;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Due before today (Korea time) and not done' }) overdue!: number;
}

@ObjectType()
export class MeasureCounts {
  @Field(() => Int) proposed!: number;
  @Field(() => Int) approved!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) implemented!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Int) dropped!: number;
  @Field(() => Int) total!: number;
}

/** Shared by every set of measures the API totals, so a client can select the figures once (one fragment). */
@InterfaceType({ description: 'Figures over a set of measures; money, tCO2e and reductions leave dropped measures out' })
export abstract class MeasureFigures {
  @Field(() => MeasureCounts) measureCounts!: MeasureCounts;
  @Field(() => Int, { description: 'Implemented or verified' }) implemented!: number;
  @Field(() => Float, { description: 'Implemented ÷ measures not dropped (0–1)' }) implementationRate!: number;
  @Field(() => Float, { description: "Implemented measures' expected savings ÷ all expected savings (0–1)" }) implementationRateBySavings!: number;
  @Field(() => Int, { description: 'Measures (not dropped) with a follow-up answer from their company' }) followUpAnswered!: number;
  @Field(() => SafeInt, { description: 'Actual annual savings the companies reported at follow-up' }) reportedAnnualSavingsKrw!: number;
  @Field(() => SafeInt) investmentKrw!: number;
  @Field(() => SafeInt, { description: 'Proposed: what the experts expect' }) expectedAnnualSavingsKrw!: number;
  @Field(() => SafeInt, { description: 'Expected annual savings of the implemented (or verified) measures: what `implementationRateBySavings` divides' })
  implementedExpectedAnnualSavingsKrw!: number;
  @Field(() => SafeInt, { description: 'Confirmed by an expert at follow-up' }) verifiedAnnualSavingsKrw!: number;
  @Field(() => Float) ghgReductionTco2e!: number;
  @Field(() => Float) electricityKwhPerYear!: number;
  @Field(() => Float) lngNm3PerYear!: number;
  @Field(() => Float) waterM3PerYear!: number;
  @Field(() => Float) wasteTPerYear!: number;
  @Field(() => Float) rawMaterialsTPerYear!: number;
}

@ObjectType({ implements: MeasureFigures })
export class CategoryKpi extends MeasureFigures {
  @Field(() => MeasureCategory) category!: MeasureCategory;
}

@ObjectType({ description: "One participating company's progress in a program year", implements: MeasureFigures })
export class BoardRow extends MeasureFigures {
  @Field(() => ID, { description: "The row's identity: the company's participation in the year (the same id on every board and in every event)" })
  id!: string;

  @Field(() => SafeInt, {
    description:
      'The position (`seq`) of the latest event about the company when the row was read (0: none kept). Of two copies of a row, the one with the higher version is the newer',
  })
  version!: number;

  @Field(() => [CategoryKpi], { description: "The company's figures per measure category (categories where it has a measure), whatever the board's filter" })
  byCategory!: CategoryKpi[];

  companyId!: string;
  participationId!: string;
  teamId!: string | null;

  @Field(() => ParticipationStatus, { description: 'The participation stage' }) stage!: ParticipationStatus;
  /** Exposed by BoardRowResolver: null for viewers who may not see tasks. */
  taskCounts!: TaskCounts;
  /** Exposed by BoardRowResolver: null for viewers who may not see the history. */
  lastActivityAt!: Date | null;
}

@ObjectType({ implements: MeasureFigures })
export class KpiTotals extends MeasureFigures {
  @Field(() => Int, { description: 'Participating companies' }) companies!: number;
}

@ObjectType({ implements: MeasureFigures })
export class CompanyKpi extends MeasureFigures {
  companyId!: string;
}

@ObjectType()
export class BudgetSourceKpi {
  @Field(() => FundingSource) source!: FundingSource;
  @Field(() => SafeInt) plannedKrw!: number;
  @Field(() => SafeInt) spentKrw!: number;
  @Field(() => Float, { description: 'Spent ÷ planned (0 when nothing is planned)' }) spentRate!: number;
}

@ObjectType({ description: "The totals of what a board shows: the viewer's companies under the board's filter" })
export class BoardKpis {
  @Field(() => KpiTotals) totals!: KpiTotals;
  @Field(() => [CategoryKpi], { description: 'Categories with at least one measure' }) byCategory!: CategoryKpi[];
}

@ObjectType({ description: 'One month of a program year on the board, from the history' })
export class BoardTrendMonth {
  @Field(() => LocalDate, { description: 'The first day of the month (program calendar)' }) month!: string;
  @Field(() => Int, { description: 'Tasks moved to done in the month' }) tasksCompleted!: number;
  @Field(() => Int, { description: 'Measures moved to implemented in the month' }) measuresImplemented!: number;
  @Field(() => SafeInt, { description: 'Expected annual savings of those measures (their current figures)' }) savingsImplementedKrw!: number;
  @Field(() => Float, { description: 'Greenhouse-gas reduction of those measures (tCO2e per year)' }) ghgImplementedTco2e!: number;
}

/** Resolved field by field: a client asking only for totals runs only their query. */
@ObjectType({ description: "A program year's results: public aggregates, and per-company figures within the viewer's scope" })
export class ProgramKpis {
  programYearId!: string;
}
