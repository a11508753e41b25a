import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { sqlUuidArray } from '../../core/auth/access.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { preloaded } from '../../core/graphql/planned-read.ts';
import { byKeys, loader } from '../../core/graphql/loaders.ts';
import { lookAhead } from '../../core/graphql/look-ahead.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/index.ts';
import { Comment } from './comment.entity.ts';
import { AddCommentInput } from './comment.inputs.ts';
import { listComments } from './comment.queries.ts';
import { addComment, deleteComment, editComment } from './comment.service.ts';

@ObjectType()
export class CommentConnection extends Connection(Comment) {}

@Resolver(() => Comment)
export class CommentResolver {
  @Query(() => CommentConnection, { description: "A task's comments the viewer may read, oldest first" })
  comments(
    @Arg('taskId', () => ID) taskId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listComments(ctx, taskId, page, lookAhead(info));
  }

  @Mutation(() => Comment, { description: 'Mentioned people who may read the comment are notified' })
  addComment(@Arg('input', () => AddCommentInput) input: AddCommentInput, @Ctx() ctx: GraphQLContext): Promise<Comment> {
    return addComment(ctx, input);
  }

  @Mutation(() => Comment, { description: 'The author only; files change with the words, in one step' })
  editComment(
    @Arg('id', () => ID) id: string,
    @Arg('body', () => String) body: string,
    @Arg('version', () => Int) version: number,
    @Arg('addAttachmentIds', () => [ID], { nullable: true, description: 'Drafts uploaded while editing (POST /attachments?draftTaskId=…)' })
    addAttachmentIds: string[] | null,
    @Arg('removeAttachmentIds', () => [ID], { nullable: true, description: 'Files on the comment to remove' })
    removeAttachmentIds: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Comment> {
    return editComment(ctx, id, body, version, { add: addAttachmentIds, remove: removeAttachmentIds });
  }

  @Mutation(() => Comment, { description: 'The author or a program manager; the body is hidden from then on' })
  deleteComment(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: GraphQLContext): Promise<Comment> {
    return deleteComment(ctx, id, version);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Markdown; null once deleted' })
  body(@Root() comment: Comment): string | null {
    return comment.deletedAt ? null : comment.body;
  }

  @FieldResolver(() => Person)
  author(@Root() comment: Comment): Person | Promise<Person> {
    return preloaded<Person>(comment, 'author') ?? comment.author.load({ dataloader: true }) as Promise<Person>;
  }

  @FieldResolver(() => Task)
  task(@Root() comment: Comment): Task | Promise<Task> {
    return preloaded<Task>(comment, 'task') ?? comment.task.load({ dataloader: true }) as Promise<Task>;
  }

  @FieldResolver(() => [Person], { description: 'People the comment notified' })
  async mentions(@Root() comment: Comment): Promise<Person[]> {
    if (comment.deletedAt) return [];
    return [...(await comment.mentions.load({ dataloader: true }))];
  }
}

@Resolver(() => Task)
export class TaskCommentsResolver {
  @FieldResolver(() => Int, { description: 'Comments the viewer may read (staff: shared ones only), deleted ones excluded' })
  async commentCount(@Root() task: Task, @Ctx() ctx: GraphQLContext): Promise<number> {
    const planned = preloaded<number>(task, 'commentCount');
    if (planned !== undefined) return planned;
    return loader<number>(ctx.loaders, 'task.commentCount', async (ids) => {
      const readable = await ctx.access.sqlCommentCondition('comment');
      const rows = await ctx.em.execute<{ task_id: string; count: string }[]>(
        `select task_id, count(*) as count from comment
          where task_id = any(?::uuid[]) and deleted_at is null and ${readable.sql}
          group by task_id`,
        [sqlUuidArray(ids), ...readable.params],
      );
      return byKeys(ids, new Map(rows.map((row) => [row.task_id, Number(row.count)])), 0);
    }).load(task.id);
  }
}
