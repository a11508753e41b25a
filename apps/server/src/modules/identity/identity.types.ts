import { Role } from '@ecohub/domain';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an invitation link shows before the invited person chooses a password' })
export class InvitationPreview {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Boolean, { description: 'Past its expiry (or the account was disabled): ask for a new invitation' })
  expired!: boolean;

  @Field(() => Boolean, { description: 'Already used: sign in instead' })
  accepted!: boolean;
}
