import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Company } from '../company/index.ts';
import { Measure } from '../measure/index.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';
import { FollowUpAnswer, FollowUpRequest } from './follow-up.entity.ts';
import { FollowUpFilter, SubmitFollowUpInput, VerifyFollowUpAnswerInput } from './follow-up.inputs.ts';
import { getFollowUpRequest, listFollowUpRequests, requestAnswers, requestMeasures } from './follow-up.queries.ts';
import { followUpMonths, openDueFollowUps, setFollowUpPlan, submitFollowUp, verifyFollowUpAnswer } from './follow-up.service.ts';
import { FollowUpItem } from './follow-up.types.ts';

@Resolver(() => FollowUpRequest)
export class FollowUpRequestResolver {
  @Query(() => [FollowUpRequest], { description: "Follow-up requests the viewer may see (a company's staff, its experts, managers); newest due first" })
  followUpRequests(@Arg('filter', () => FollowUpFilter, { nullable: true }) filter: FollowUpFilter | null, @Ctx() ctx: GraphQLContext) {
    return listFollowUpRequests(ctx, filter);
  }

  @Query(() => FollowUpRequest)
  followUpRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getFollowUpRequest(ctx, id);
  }

  @Mutation(() => [Int], { description: 'Months after the year ends at which companies are asked (default 6 and 12). Program managers only' })
  setFollowUpPlan(
    @Arg('programYearId', () => ID) programYearId: string,
    @Arg('monthsAfter', () => [Int]) monthsAfter: number[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<number[]> {
    return setFollowUpPlan(ctx, programYearId, monthsAfter);
  }

  @Mutation(() => Int, { description: "Opens the year's follow-ups that are due now (the hub also does so hourly); returns how many opened. Program managers only" })
  openDueFollowUps(@Arg('programYearId', () => ID) programYearId: string, @Ctx() ctx: GraphQLContext): Promise<number> {
    ctx.access.assertCan('program.manage');
    return openDueFollowUps(ctx, undefined, programYearId);
  }

  @Mutation(() => FollowUpRequest, { description: "The company's answers per measure; answering again replaces an unverified answer" })
  submitFollowUp(@Arg('input', () => SubmitFollowUpInput) input: SubmitFollowUpInput, @Ctx() ctx: GraphQLContext) {
    return submitFollowUp(ctx, input);
  }

  @Mutation(() => FollowUpAnswer, { description: "An expert of the company's team (or a manager) confirms an answer" })
  verifyFollowUpAnswer(@Arg('input', () => VerifyFollowUpAnswerInput) input: VerifyFollowUpAnswerInput, @Ctx() ctx: GraphQLContext) {
    return verifyFollowUpAnswer(ctx, input);
  }

  @FieldResolver(() => Company)
  company(@Root() request: FollowUpRequest): Promise<Company> {
    return request.company.load({ dataloader: true }) as Promise<Company>;
  }

  @FieldResolver(() => ProgramYear)
  programYear(@Root() request: FollowUpRequest): Promise<ProgramYear> {
    return request.programYear.load({ dataloader: true }) as Promise<ProgramYear>;
  }

  @FieldResolver(() => [FollowUpItem], { description: 'Every measure asked about, with its answer' })
  async items(@Root() request: FollowUpRequest, @Ctx() ctx: GraphQLContext): Promise<FollowUpItem[]> {
    const [measures, answers] = await Promise.all([requestMeasures(ctx, request), requestAnswers(ctx, request)]);
    return measures.map((measure) => ({ measure, answer: answers.find((a) => a.measure.id === measure.id) ?? null }));
  }
}

@Resolver(() => FollowUpAnswer)
export class FollowUpAnswerResolver {
  @FieldResolver(() => Measure)
  measure(@Root() answer: FollowUpAnswer): Promise<Measure> {
    return answer.measure.load({ dataloader: true }) as Promise<Measure>;
  }

  @FieldResolver(() => Person, { nullable: true })
  async answeredBy(@Root() answer: FollowUpAnswer): Promise<Person | null> {
    return (await answer.answeredBy.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Person, { nullable: true })
  async verifiedBy(@Root() answer: FollowUpAnswer): Promise<Person | null> {
    return answer.verifiedBy ? ((await answer.verifiedBy.load({ dataloader: true })) ?? null) : null;
  }
}

@Resolver(() => ProgramYear)
export class ProgramYearFollowUpResolver {
  @FieldResolver(() => [Int], { description: 'Months after the year ends at which companies get a follow-up request' })
  followUpMonths(@Root() year: ProgramYear, @Ctx() ctx: GraphQLContext): Promise<number[]> {
    return followUpMonths(ctx.em, year.id);
  }
}
