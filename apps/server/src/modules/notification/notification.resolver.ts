import type { CommentVisibility } from '@ecohub/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { NOTIFICATION_TARGETS, notificationTargetVisible, type NotificationTarget } from '../../core/auth/visibility.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { Comment } from '../comment/comment.entity.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { Measure } from '../measure/measure.entity.ts';
import { Task } from '../task/task.entity.ts';
import { DeliveryModeValues, MailTopicValues, NotificationPreference, type DeliveryMode, type MailTopic } from './notification-preference.entity.ts';
import { preferencesOf, setNotificationPreference } from './notification-preference.service.ts';
import { Notification } from './notification.entity.ts';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from './notification.queries.ts';

@ObjectType()
export class NotificationConnection extends Connection(Notification) {}

/**
 * What a notification points at is shown only while the viewer may still see it: access can
 * be withdrawn after it was sent (a team change), and then the link goes dark.
 */
@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The signed-in person's notifications, newest first" })
  notifications(
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listNotifications(ctx, unreadOnly ?? false, page, lookAhead(info));
  }

  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: GraphQLContext): Promise<number> {
    return unreadNotificationCount(ctx);
  }

  @Mutation(() => Int, { description: 'Marks the given notifications (or all) read; returns how many changed' })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('all', () => Boolean, { nullable: true }) all: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    return markNotificationsRead(ctx, ids, all ?? false);
  }

  @Query(() => [NotificationPreference], {
    description: 'How the signed-in person receives each kind of mail (defaults: everything immediately, the digest daily)',
  })
  notificationPreferences(@Ctx() ctx: GraphQLContext): Promise<NotificationPreference[]> {
    return preferencesOf(ctx.em, ctx.access.requireViewer().personId);
  }

  @Mutation(() => [NotificationPreference], {
    description: 'Chooses how one kind of mail reaches the signed-in person; returns all their preferences. DIGEST takes DAILY_DIGEST or OFF.',
  })
  setNotificationPreference(
    @Arg('kind', () => MailTopicValues) kind: MailTopic,
    @Arg('mode', () => DeliveryModeValues) mode: DeliveryMode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NotificationPreference[]> {
    return setNotificationPreference(ctx, kind, mode);
  }

  @FieldResolver(() => Measure, { nullable: true, description: 'The measure a follow-up reminder is about' })
  async measure(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Measure | null> {
    const planned = preloaded<Measure | null>(notification, 'measure');
    if (planned !== undefined) return planned;
    if (!notification.measure || !(await targetVisible(ctx, notification, 'measure'))) return null;
    return (await notification.measure.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Task, { nullable: true })
  async task(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Task | null> {
    const planned = preloaded<Task | null>(notification, 'task');
    if (planned !== undefined) return planned;
    if (!notification.task || !(await targetVisible(ctx, notification, 'task'))) return null;
    return (await notification.task.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Comment, { nullable: true })
  async comment(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Comment | null> {
    const planned = preloaded<Comment | null>(notification, 'comment');
    if (planned !== undefined) return planned;
    if (!notification.comment || !(await targetVisible(ctx, notification, 'comment'))) return null;
    const comment = await notification.comment.load({ dataloader: true });
    return comment && (await targetVisible(ctx, notification, 'comment', comment.visibility)) ? comment : null;
  }

  @FieldResolver(() => Company, { nullable: true })
  async company(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Company | null> {
    const planned = preloaded<Company | null>(notification, 'company');
    if (planned !== undefined) return planned;
    if (!notification.company || !(await targetVisible(ctx, notification, 'company'))) return null;
    return (await notification.company.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who caused it' })
  async actor(@Root() notification: Notification): Promise<Person | null> {
    const planned = preloaded<Person | null>(notification, 'actor');
    if (planned !== undefined) return planned;
    return notification.actor ? ((await notification.actor.load({ dataloader: true })) ?? null) : null;
  }
}

/** The rule of visibility.ts for what a notification points at (its SQL form plans the page). */
async function targetVisible(ctx: GraphQLContext, notification: Notification, target: NotificationTarget, commentVisibility: CommentVisibility | null = null): Promise<boolean> {
  const scope = await ctx.access.scope(NOTIFICATION_TARGETS[target]);
  return notificationTargetVisible(ctx.access.viewer, notification.company?.id ?? null, scope, commentVisibility);
}
