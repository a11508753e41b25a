import { Role } from '@ecohub/domain';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { Person } from '../people/person.entity.ts';
import { setAccountDisabled, setPersonRole } from './account.service.ts';

/** Account state and roles: who may sign in, and with which rights. */
@Resolver()
export class AccountResolver {
  @Mutation(() => Person, {
    description: 'Disables an account (ADMIN, PROGRAM_MANAGER; not admins\' by managers, not one\'s own): its sessions and sockets end',
  })
  disablePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return setAccountDisabled(ctx, id, true);
  }

  @Mutation(() => Person, { description: 'Enables a disabled account again; the person signs in anew' })
  enablePerson(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return setAccountDisabled(ctx, id, false);
  }

  @Mutation(() => Person, {
    description: 'Changes a person\'s role (ADMIN only; companyId required for COMPANY_STAFF); their sessions end',
  })
  setPersonRole(
    @Arg('id', () => ID) id: string,
    @Arg('role', () => Role) role: Role,
    @Arg('companyId', () => ID, { nullable: true }) companyId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Person> {
    return setPersonRole(ctx, id, role, companyId);
  }
}
