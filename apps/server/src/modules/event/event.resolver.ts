import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/index.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';
import { Attendance } from './attendance.entity.ts';
import { recordAttendance, removeAttendance } from './attendance.service.ts';
import { eventAttendances, eventCounts, invitedCompanies } from './event-fields.ts';
import {
  CancelEventInput,
  CreateEventInput,
  EventFilter,
  InviteCompaniesInput,
  RecordAttendanceInput,
  UninviteCompanyInput,
  UpdateEventInput,
} from './event.inputs.ts';
import { eventShownNow, getEvent, listEvents } from './event.service.ts';
import { EventChange } from './event.topics.ts';
import { cancelEvent, createEvent, inviteCompaniesToEvent, uninviteCompanyFromEvent, updateEvent } from './event-write.service.ts';
import { ProgramEvent } from './program-event.entity.ts';

@ObjectType()
export class ProgramEventConnection extends Connection(ProgramEvent) {}

@Resolver(() => ProgramEvent)
export class ProgramEventResolver {
  @Query(() => ProgramEventConnection, { description: "A program year's events in calendar order" })
  events(
    @Arg('programYearId', () => ID) programYearId: string,
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listEvents(ctx, programYearId, filter ?? {}, page, lookAhead(info));
  }

  @Query(() => ProgramEvent)
  event(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    return getEvent(ctx, id);
  }

  @Mutation(() => ProgramEvent, { description: 'Program managers only' })
  createEvent(@Arg('input', () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return createEvent(ctx, input);
  }

  @Mutation(() => ProgramEvent, { description: 'Program managers only' })
  updateEvent(@Arg('input', () => UpdateEventInput) input: UpdateEventInput, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return updateEvent(ctx, input);
  }

  @Mutation(() => ProgramEvent, { description: 'Takes the event off the calendar; its history stays. Program managers only' })
  cancelEvent(@Arg('input', () => CancelEventInput) input: CancelEventInput, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return cancelEvent(ctx, input);
  }

  @Mutation(() => ProgramEvent, { description: 'Program managers only' })
  inviteCompaniesToEvent(@Arg('input', () => InviteCompaniesInput) input: InviteCompaniesInput, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return inviteCompaniesToEvent(ctx, input);
  }

  @Mutation(() => ProgramEvent, { description: 'Program managers only' })
  uninviteCompanyFromEvent(@Arg('input', () => UninviteCompanyInput) input: UninviteCompanyInput, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return uninviteCompanyFromEvent(ctx, input);
  }

  @Mutation(() => Attendance, { description: 'Records who came (or did not). Program managers only' })
  recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() ctx: GraphQLContext): Promise<Attendance> {
    ctx.access.assertCan('event.manage');
    return recordAttendance(ctx, input);
  }

  @Mutation(() => ProgramEvent, { description: 'Deletes an attendance record; returns its event. Program managers only' })
  removeAttendance(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent> {
    ctx.access.assertCan('event.manage');
    return removeAttendance(ctx, id);
  }

  @FieldResolver(() => ProgramYear)
  programYear(@Root() event: ProgramEvent): ProgramYear | Promise<ProgramYear> {
    return preloaded<ProgramYear>(event, 'programYear') ?? event.programYear.load({ dataloader: true }) as Promise<ProgramYear>;
  }

  @FieldResolver(() => [Company], { description: 'Invited companies the viewer may see, by name' })
  invitedCompanies(@Root() event: ProgramEvent, @Ctx() ctx: GraphQLContext): Promise<Company[]> {
    return invitedCompanies(ctx, event.id);
  }

  @FieldResolver(() => [Attendance], {
    nullable: true,
    description: 'Who came (and who registered but did not), as far as the viewer may see people; null for viewers who may not see personal data (hidden, not empty)',
  })
  attendances(@Root() event: ProgramEvent, @Ctx() ctx: GraphQLContext): Promise<Attendance[] | null> {
    return eventAttendances(ctx, event.id);
  }

  @FieldResolver(() => Int, { description: 'Number of invited companies the viewer may see (the length of invitedCompanies)' })
  async invitedCount(@Root() event: ProgramEvent, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await eventCounts(ctx, event.id)).invited;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Number of people (accounts and guests) who came, among the attendances the viewer may list; null for viewers who may not see attendance (hidden, not empty)',
  })
  async attendedCount(@Root() event: ProgramEvent, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return (await eventCounts(ctx, event.id)).attended;
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => ProgramEvent)
  event(@Root() attendance: Attendance): Promise<ProgramEvent> {
    return attendance.event.load({ dataloader: true }) as Promise<ProgramEvent>;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Null for guests without an account' })
  async person(@Root() attendance: Attendance): Promise<Person | null> {
    return attendance.person ? ((await attendance.person.load({ dataloader: true })) ?? null) : null;
  }

  @FieldResolver(() => Company, { nullable: true, description: "The attendee's company, for company staff" })
  async company(@Root() attendance: Attendance): Promise<Company | null> {
    return attendance.company ? ((await attendance.company.load({ dataloader: true })) ?? null) : null;
  }
}

@Resolver(() => ProgramYear)
export class ProgramYearEventsResolver {
  @FieldResolver(() => ProgramEventConnection, { description: "The year's events in calendar order" })
  events(
    @Root() year: ProgramYear,
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listEvents(ctx, year.id, filter ?? {}, page, lookAhead(info));
  }
}

@Resolver(() => EventChange)
export class EventChangeResolver {
  @FieldResolver(() => ProgramEvent, {
    nullable: true,
    description: 'The event as it is now, for whoever sees it; null for who no longer does (their company was uninvited, or it became a site visit): it left their calendar',
  })
  event(@Root() change: EventChange, @Ctx() ctx: GraphQLContext): Promise<ProgramEvent | null> {
    return eventShownNow(ctx, change.record);
  }
}
