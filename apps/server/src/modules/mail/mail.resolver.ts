import { Arg, Args, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Connection, PageArgs } from '../../core/graphql/pagination.ts';
import { Person } from '../people/person.entity.ts';
import { MailMessage, MailStatusValues, type MailStatus } from './mail-message.entity.ts';
import { listOutbox, outboxTrouble } from './mail.queries.ts';

@ObjectType()
export class MailMessageConnection extends Connection(MailMessage) {}

@ObjectType({ description: 'Mail that has not gone out: waiting for a retry, or given up' })
export class OutboxTrouble {
  @Field(() => Int)
  retrying!: number;

  @Field(() => Int)
  failed!: number;
}

@Resolver(() => MailMessage)
export class MailResolver {
  @Query(() => MailMessageConnection, {
    description: 'Every mail the hub sent or keeps (without SMTP_URL mail is only kept here), newest first. ADMIN only.',
  })
  mailOutbox(
    @Arg('status', () => MailStatusValues, { nullable: true }) status: MailStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listOutbox(ctx, status, page);
  }

  @Query(() => OutboxTrouble, { description: 'How many mails wait for a retry or failed. ADMIN only.' })
  mailOutboxTrouble(@Ctx() ctx: GraphQLContext): Promise<OutboxTrouble> {
    return outboxTrouble(ctx);
  }

  @FieldResolver(() => Person, { nullable: true })
  async recipient(@Root() message: MailMessage): Promise<Person | null> {
    return message.recipient ? ((await message.recipient.load({ dataloader: true })) ?? null) : null;
  }
}
