import { FieldResolver, Ctx, Resolver, Root } from 'type-graphql';
import { can } from '../../core/auth/policy.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { preloadedOr } from '../../core/graphql/planned-read.ts';
import { DateTime } from '../../core/graphql/scalars.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from './person.entity.ts';

/** Contact details are personal data: observers and anonymous visitors never see them. */
function mayReadContact(ctx: GraphQLContext, person: Person): boolean {
  return ctx.viewer?.personId === person.id || can(ctx.viewer, 'personalData.read');
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Null where the viewer may not see personal data' })
  email(@Root() person: Person, @Ctx() ctx: GraphQLContext): string | null {
    return mayReadContact(ctx, person) ? person.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null where the viewer may not see personal data' })
  phone(@Root() person: Person, @Ctx() ctx: GraphQLContext): string | null {
    return mayReadContact(ctx, person) ? person.phone : null;
  }

  @FieldResolver(() => DateTime, { nullable: true, description: 'When mail to this address bounced (no mail goes to it since); personal data like email' })
  mailBouncedAt(@Root() person: Person, @Ctx() ctx: GraphQLContext): Date | null {
    return mayReadContact(ctx, person) ? person.mailBouncedAt : null;
  }

  @FieldResolver(() => Company, { nullable: true, description: 'For company staff: their company' })
  company(@Root() person: Person): Company | null | Promise<Company | null> {
    return preloadedOr(person, 'company', async () => (person.company ? ((await person.company.load({ dataloader: true })) ?? null) : null));
  }
}
