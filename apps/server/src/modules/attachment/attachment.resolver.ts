import { ATTACHMENT_TYPES } from '@ecohub/domain';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { loader } from '../../core/graphql/loaders.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { SafeInt } from '../../core/graphql/scalars.ts';
import { Comment } from '../comment/index.ts';
import { Diagnosis } from '../diagnosis/index.ts';
import { Measure } from '../measure/index.ts';
import { Person } from '../people/person.entity.ts';
import { Task } from '../task/index.ts';
import { Attachment } from './attachment.entity.ts';
import { downloadUrl, thumbnailUrl } from './attachment-types.ts';
import { AttachmentFilter } from './attachment.inputs.ts';
import { attachmentsOf, listAttachments } from './attachment.queries.ts';
import { deleteAttachment, visibleAttachment } from './attachment.service.ts';

@ObjectType()
export class AttachmentConnection extends Connection(Attachment) {}

@ObjectType({ description: 'A kind of file that may be attached' })
export class AttachmentType {
  @Field(() => String)
  contentType!: string;

  @Field(() => [String], { description: 'File-name endings, without the dot' })
  extensions!: string[];
}

@ObjectType({ description: "What the hub takes, so a client refuses a file before sending it (the hub checks again)" })
export class AttachmentLimits {
  @Field(() => SafeInt)
  maxBytes!: number;

  @Field(() => [AttachmentType])
  types!: AttachmentType[];
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Query(() => AttachmentLimits, { description: 'The size limit (ATTACHMENT_MAX_BYTES) and the accepted types; public' })
  attachmentLimits(@Ctx() ctx: GraphQLContext): AttachmentLimits {
    return {
      maxBytes: ctx.services.config.attachmentMaxBytes,
      types: Object.entries(ATTACHMENT_TYPES).map(([contentType, extensions]) => ({ contentType, extensions: [...extensions] })),
    };
  }

  @Query(() => AttachmentConnection, { description: 'Files the viewer may see, in upload order (upload: POST /attachments)' })
  attachments(
    @Arg('filter', () => AttachmentFilter, { nullable: true }) filter: AttachmentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listAttachments(ctx, filter, page);
  }

  @Query(() => Attachment)
  attachment(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Attachment> {
    return visibleAttachment(ctx, id);
  }

  @Mutation(() => Attachment, { description: 'The uploader, or an expert or manager of the company; the file goes when no record uses it' })
  deleteAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Attachment> {
    return deleteAttachment(ctx, id);
  }

  @FieldResolver(() => String, { description: 'Download address (GET, with the session cookie)' })
  url(@Root() attachment: Attachment): string {
    return downloadUrl(attachment.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A small WebP preview (GET, with the session cookie); null for files that are not images' })
  thumbnailUrl(@Root() attachment: Attachment): string | null {
    return thumbnailUrl(attachment);
  }

  @FieldResolver(() => Person)
  uploadedBy(@Root() attachment: Attachment): Promise<Person> {
    return attachment.uploadedBy.load({ dataloader: true }) as Promise<Person>;
  }
}

function attachmentsField(ctx: GraphQLContext, relation: 'task' | 'measure' | 'comment' | 'diagnosis', id: string): Promise<Attachment[]> {
  return loader<Attachment[]>(ctx.loaders, `${relation}.attachments`, (ids) => attachmentsOf(ctx, relation, ids)).load(id);
}

@Resolver(() => Task)
export class TaskAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Files on the task itself (files on its comments hang on the comments)' })
  attachments(@Root() task: Task, @Ctx() ctx: GraphQLContext): Promise<Attachment[]> {
    return attachmentsField(ctx, 'task', task.id);
  }
}

@Resolver(() => Measure)
export class MeasureAttachmentsResolver {
  @FieldResolver(() => [Attachment], { nullable: true, description: 'Files on the measure; null for viewers who do not see the consulting work (observers: hidden, not empty)' })
  async attachments(@Root() measure: Measure, @Ctx() ctx: GraphQLContext): Promise<Attachment[] | null> {
    if (!(await ctx.access.canSeeCompany('work', measure.company.id))) return null;
    return attachmentsField(ctx, 'measure', measure.id);
  }
}

@Resolver(() => Comment)
export class CommentAttachmentsResolver {
  @FieldResolver(() => [Attachment])
  attachments(@Root() comment: Comment, @Ctx() ctx: GraphQLContext): Promise<Attachment[]> {
    return attachmentsField(ctx, 'comment', comment.id);
  }
}

@Resolver(() => Diagnosis)
export class DiagnosisAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Plant photos and reports of the diagnosis' })
  attachments(@Root() diagnosis: Diagnosis, @Ctx() ctx: GraphQLContext): Promise<Attachment[]> {
    return attachmentsField(ctx, 'diagnosis', diagnosis.id);
  }
}
