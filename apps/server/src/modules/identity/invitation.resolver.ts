import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Person } from '../people/person.entity.ts';
import { acceptInvitation, invitePerson, previewInvitation } from './account.service.ts';
import { AcceptInvitationInput, InvitePersonInput } from './identity.inputs.ts';
import { InvitationPreview } from './identity.types.ts';
import { Invitation } from './invitation.entity.ts';
import { publicOrigin } from './request-origin.ts';
import { openBrowserSession } from './sign-in-session.ts';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Mutation(() => Invitation, {
    description:
      'Invites a person (ADMIN, PROGRAM_MANAGER; managers cannot invite admins) and mails them the link. The answer also ' +
      'carries the one-time link and token ONCE, as a fallback to hand over; they cannot be shown again. Expires after 7 days; ' +
      're-inviting someone who has not accepted yet replaces the earlier link.',
  })
  invitePerson(@Arg('input', () => InvitePersonInput) input: InvitePersonInput, @Ctx() ctx: GraphQLContext): Promise<Invitation> {
    return invitePerson(ctx, input, publicOrigin(ctx));
  }

  @Query(() => InvitationPreview, { nullable: true, description: 'Public preview of an invitation link; null for an unknown token' })
  invitation(@Arg('token', () => String) token: string, @Ctx() ctx: GraphQLContext): Promise<InvitationPreview | null> {
    return previewInvitation(ctx.em, token);
  }

  @Mutation(() => Person, {
    description:
      'Sets the invited person\'s name and password and signs them in (sets the session cookie). BAD_USER_INPUT on ' +
      'token (rule expired, used or unknown) when the link cannot be used.',
  })
  async acceptInvitation(@Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: GraphQLContext): Promise<Person> {
    const person = await acceptInvitation(ctx, input);
    if (ctx.http) await openBrowserSession(ctx, ctx.http, person);
    return person;
  }

  @FieldResolver(() => Person)
  async person(@Root() invitation: Invitation): Promise<Person> {
    return invitation.person.load({ dataloader: true }) as Promise<Person>;
  }
}
