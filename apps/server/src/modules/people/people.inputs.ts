import { Role } from '@ecohub/domain';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class PeopleFilter {
  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'Staff of this company' })
  companyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the Korean or English name' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include disabled accounts (default false)' })
  includeDisabled?: boolean | null;
}

@InputType({ description: "The viewer's own profile; omitted fields stay as they are, null clears an optional one" })
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'ko or en' })
  locale?: string | null;
}
