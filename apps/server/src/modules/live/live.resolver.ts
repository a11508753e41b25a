import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { activityAdditions, boardRowChanges, commentChanges, companyChanges, diagnosisChanges, eventChanges, measureChanges, notificationAdditions, participationChanges, taskChanges } from './live.service.ts';
import { ActivityAdded } from '../activity/index.ts';
import { BoardRowChange } from '../board/index.ts';
import { CommentChange } from '../comment/index.ts';
import { CompanyChange } from '../company/index.ts';
import { DiagnosisChange } from '../diagnosis/index.ts';
import { EventChange } from '../event/index.ts';
import { MeasureChange } from '../measure/index.ts';
import { NotificationAdded } from '../notification/index.ts';
import { ParticipationChange } from '../participation/index.ts';
import { TaskChange } from '../task/index.ts';

/** What every subscription's description says about resuming; the web client relies on it. */
const RESUME =
  'Pass `since` (the `seq` of the last event received, or `liveSequence` read before loading the page) to first receive every missed event in order, then live events, with no gap or duplicate. ' +
  'When the events after `since` are no longer kept, the subscription fails with a CONFLICT error whose `extensions.reason` is RESYNC_REQUIRED: reload the data, then subscribe again. ' +
  'A client that does not read its events in time is disconnected with close code 1013 (reconnect and resume with `since`). ' +
  'A subscription opened for one company (or one of its tasks) ends with a FORBIDDEN error whose `extensions.reason` is ACCESS_CHANGED once the viewer no longer sees that company: reload the data';

const SINCE = { nullable: true, description: 'Resume after this event position' } as const;
const COMPANY = { nullable: true, description: 'One company (or give programYearId)' } as const;
const YEAR = { nullable: true, description: 'Every company of one program year (or give companyId)' } as const;

@Resolver()
export class LiveResolver {
  @Query(() => SafeInt, {
    description: 'The current event position. Read it before loading a page and subscribe with it as `since`: nothing that happens in between is missed',
  })
  liveSequence(@Ctx() ctx: GraphQLContext): Promise<number> {
    return ctx.services.realtime.store.position();
  }

  @Subscription(() => TaskChange, {
    description: `Tasks created, changed, moved or deleted, of one company or of one program year. ${RESUME}`,
    subscribe: ({ args, context }) => taskChanges(context as GraphQLContext, args),
  })
  taskChanged(
    @Root() change: TaskChange,
    @Arg('companyId', () => ID, COMPANY) _companyId: string | null,
    @Arg('programYearId', () => ID, YEAR) _programYearId: string | null,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): TaskChange {
    return change;
  }

  @Subscription(() => CommentChange, {
    description: `Comments of one task added, edited or deleted; company staff receive shared comments only. ${RESUME}`,
    subscribe: ({ args, context }) => commentChanges(context as GraphQLContext, args as { taskId: string; since?: number | null }),
  })
  commentChanged(
    @Root() change: CommentChange,
    @Arg('taskId', () => ID) _taskId: string,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): CommentChange {
    return change;
  }

  @Subscription(() => MeasureChange, {
    description: `Measures created, changed or deleted, of one company or of one program year. ${RESUME}`,
    subscribe: ({ args, context }) => measureChanges(context as GraphQLContext, args),
  })
  measureChanged(
    @Root() change: MeasureChange,
    @Arg('companyId', () => ID, COMPANY) _companyId: string | null,
    @Arg('programYearId', () => ID, YEAR) _programYearId: string | null,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): MeasureChange {
    return change;
  }

  @Subscription(() => CompanyChange, {
    description: `A company's own details changed (names, industry, address, contacts) or it was archived, of one company or of every company of one program year, for who sees its results. ${RESUME}`,
    subscribe: ({ args, context }) => companyChanges(context as GraphQLContext, args),
  })
  companyChanged(
    @Root() change: CompanyChange,
    @Arg('companyId', () => ID, COMPANY) _companyId: string | null,
    @Arg('programYearId', () => ID, YEAR) _programYearId: string | null,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): CompanyChange {
    return change;
  }

  @Subscription(() => DiagnosisChange, {
    description: `Diagnoses of one company recorded or changed (fields or files). ${RESUME}`,
    subscribe: ({ args, context }) => diagnosisChanges(context as GraphQLContext, args as { companyId: string; since?: number | null }),
  })
  diagnosisChanged(
    @Root() change: DiagnosisChange,
    @Arg('companyId', () => ID) _companyId: string,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): DiagnosisChange {
    return change;
  }

  @Subscription(() => ParticipationChange, {
    description: `Participations of one program year created or changed (status, team, dates). ${RESUME}`,
    subscribe: ({ args, context }) => participationChanges(context as GraphQLContext, args as { programYearId: string; since?: number | null }),
  })
  participationChanged(
    @Root() change: ParticipationChange,
    @Arg('programYearId', () => ID) _programYearId: string,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): ParticipationChange {
    return change;
  }

  @Subscription(() => EventChange, {
    description: `Events of one program year's calendar scheduled, changed, cancelled, or their invitations or attendance changed; each only for who sees the event (site visits: managers and who sees an invited company's work). ${RESUME}`,
    subscribe: ({ args, context }) => eventChanges(context as GraphQLContext, args as { programYearId: string; since?: number | null }),
  })
  eventChanged(
    @Root() change: EventChange,
    @Arg('programYearId', () => ID) _programYearId: string,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): EventChange {
    return change;
  }

  @Subscription(() => ActivityAdded, {
    description: `History entries as they are written, of one company or of everything the viewer may see. ${RESUME}`,
    subscribe: ({ args, context }) => activityAdditions(context as GraphQLContext, args),
  })
  activityAdded(
    @Root() change: ActivityAdded,
    @Arg('companyId', () => ID, { nullable: true, description: 'Only this company' }) _companyId: string | null,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): ActivityAdded {
    return change;
  }

  @Subscription(() => BoardRowChange, {
    description: `The recomputed board row of a company whenever its records change, for one program year's board. ${RESUME}`,
    subscribe: ({ args, context }) => boardRowChanges(context as GraphQLContext, args as { programYearId: string; since?: number | null }),
  })
  boardRowChanged(
    @Root() change: BoardRowChange,
    @Arg('programYearId', () => ID) _programYearId: string,
    @Arg('since', () => SafeInt, SINCE) _since: number | null,
  ): BoardRowChange {
    return change;
  }

  @Subscription(() => NotificationAdded, {
    description: `The signed-in person's new notifications (mentions, assignments, due soon, overdue, follow-ups due). ${RESUME}`,
    subscribe: ({ args, context }) => notificationAdditions(context as GraphQLContext, args),
  })
  notificationAdded(@Root() change: NotificationAdded, @Arg('since', () => SafeInt, SINCE) _since: number | null): NotificationAdded {
    return change;
  }
}
