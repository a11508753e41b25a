import { Role } from '@ecohub/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String, { description: '10–200 characters, not the email address' })
  newPassword!: string;
}

@InputType()
export class InvitePersonInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for COMPANY_STAFF, not allowed for other roles' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization of a manager, expert or observer' })
  organizationId?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link' })
  token!: string;

  @Field(() => String, { description: '10–200 characters, not the email address' })
  password!: string;

  @Field(() => String, { description: 'The name to show; the invited name may be corrected here' })
  name!: string;
}
