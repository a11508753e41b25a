import { MeasureCategory, MeasureStatus } from '@ecohub/domain';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/pagination.ts';
import { LocalDate, SafeInt } from '../../core/graphql/scalars.ts';

@InputType()
export class LibraryFilter {
  @Field(() => MeasureCategory, { nullable: true })
  category?: MeasureCategory | null;

  @Field(() => String, { nullable: true, description: 'An industry code or its prefix (C25 covers C2591)' })
  industryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Words in the processes the company's diagnoses examined" })
  process?: string | null;

  @Field(() => String, { nullable: true, description: 'Words (two Korean syllables or more match) in the title, and the description where the company is visible' })
  keyword?: string | null;

  @Field(() => ID, { nullable: true })
  programYearId?: string | null;
}

@ObjectType({
  description:
    "A measure of any company and year. Anonymous (no company, description or processes) outside the viewer's companies; company staff then see no figures either",
})
export class LibraryEntry {
  @Field(() => ID, { description: 'The measure' }) id!: string;
  @Field(() => Boolean) anonymous!: boolean;
  companyId!: string | null;
  @Field(() => MeasureCategory) category!: MeasureCategory;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'Markdown' }) description!: string | null;
  @Field(() => String, { nullable: true }) processes!: string | null;
  @Field(() => String) industryCode!: string;
  @Field(() => String) industryLabel!: string;
  @Field(() => Int) programYearNumber!: number;
  @Field(() => LocalDate) yearStartsOn!: string;
  @Field(() => MeasureStatus, { nullable: true }) status!: MeasureStatus | null;
  @Field(() => SafeInt, { nullable: true }) investmentKrw!: number | null;
  @Field(() => SafeInt, { nullable: true }) expectedAnnualSavingsKrw!: number | null;
  @Field(() => Float, { nullable: true }) paybackYears!: number | null;
  @Field(() => Float, { nullable: true }) ghgReductionTco2e!: number | null;
}

@ObjectType()
export class LibraryEntryConnection extends Connection(LibraryEntry) {}

@ObjectType({ description: 'A kind of measure (category) across the library: how often recommended and implemented, median figures' })
export class LibraryKind {
  @Field(() => MeasureCategory) category!: MeasureCategory;
  @Field(() => Int) timesRecommended!: number;
  @Field(() => Int) companies!: number;
  @Field(() => Boolean, { description: 'Figures left out: too few companies to stay anonymous' }) figuresWithheld!: boolean;
  @Field(() => Float, { nullable: true }) implementationRate!: number | null;
  @Field(() => Float, { nullable: true }) implementationRateBySavings!: number | null;
  @Field(() => SafeInt, { nullable: true }) medianInvestmentKrw!: number | null;
  @Field(() => SafeInt, { nullable: true }) medianAnnualSavingsKrw!: number | null;
  @Field(() => Float, { nullable: true }) medianPaybackYears!: number | null;
}
