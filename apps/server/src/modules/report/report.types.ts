import { EventKind, ParticipationStatus } from '@ecohub/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTime, SafeInt } from '../../core/graphql/scalars.ts';

@ObjectType({ description: 'A program event of the year and who came' })
export class ReportEvent {
  @Field(() => EventKind) kind!: EventKind;
  @Field(() => String) title!: string;
  @Field(() => String) venue!: string;
  @Field(() => DateTime) startsAt!: Date;
  @Field(() => Int, { description: 'People marked as attended' }) attendees!: number;
  @Field(() => Int, { description: 'Companies with at least one attendee' }) companies!: number;
}

@ObjectType({ description: 'One row of the year-end table of companies' })
export class ReportCompanyLine {
  @Field(() => ID) companyId!: string;
  @Field(() => String) nameKo!: string;
  @Field(() => String, { nullable: true }) nameEn!: string | null;
  @Field(() => String) industryCode!: string;
  @Field(() => ParticipationStatus) stage!: ParticipationStatus;
  @Field(() => Int, { description: 'Measures, all statuses' }) measures!: number;
  @Field(() => Float) implementationRate!: number;
  @Field(() => SafeInt) investmentKrw!: number;
  @Field(() => SafeInt) expectedAnnualSavingsKrw!: number;
  @Field(() => Float) ghgReductionTco2e!: number;
}

@ObjectType({ description: 'Payback of the year’s measures (not dropped), in years' })
export class ReportPayback {
  @Field(() => Float, { nullable: true, description: 'Total investment ÷ total expected annual savings' }) overallYears!: number | null;
  @Field(() => Float, { nullable: true }) averageYears!: number | null;
  @Field(() => Float, { nullable: true }) medianYears!: number | null;
}

@ObjectType({ description: 'What the year-end files (PDF, XLSX) show beyond the KPIs: built by the same query as the files' })
export class ProgramYearResults {
  @Field(() => Int) completedCompanies!: number;
  @Field(() => ReportPayback) payback!: ReportPayback;
  @Field(() => [ReportEvent]) events!: ReportEvent[];
  @Field(() => [ReportCompanyLine], { description: 'Every participating company, in the files’ order' }) companies!: ReportCompanyLine[];
}
