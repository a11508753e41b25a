import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
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
  ) {
    return listNotifications(ctx, unreadOnly ?? false, page);
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
    if (!notification.measure || !notification.company) return null;
    if (!(await ctx.access.canSeeCompany('program-results', notification.company.id))) return null;
    return (await notification.measure.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Task, { nullable: true })
  async task(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Task | null> {
    if (!notification.task || !notification.company) return null;
    if (!(await ctx.access.canSeeCompany('work', notification.company.id))) return null;
    return (await notification.task.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Comment, { nullable: true })
  async comment(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Comment | null> {
    if (!notification.comment || !notification.company) return null;
    if (!(await ctx.access.canSeeCompany('comments', notification.company.id))) return null;
    const comment = await notification.comment.load({ dataloader: true });
    return comment && ctx.access.commentVisibilities().includes(comment.visibility) ? comment : null;
  }

  @FieldResolver(() => Company, { nullable: true })
  async company(@Root() notification: Notification, @Ctx() ctx: GraphQLContext): Promise<Company | null> {
    if (!notification.company || !(await ctx.access.canSeeCompany('work', notification.company.id))) return null;
    return (await notification.company.load({ dataloader: true })) ?? null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who caused it' })
  async actor(@Root() notification: Notification): Promise<Person | null> {
    return notification.actor ? ((await notification.actor.load({ dataloader: true })) ?? null) : null;
  }
}
