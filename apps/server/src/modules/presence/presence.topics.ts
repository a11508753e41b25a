import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/** The pages people can be present on. */
export enum PresencePage {
  BOARD = 'BOARD',
  COMPANY = 'COMPANY',
  TASK = 'TASK',
  MEASURE = 'MEASURE',
}
registerEnumType(PresencePage, { name: 'PresencePage', description: 'BOARD: a program year’s board (id is the program year)' });

export enum PresenceState {
  VIEWING = 'VIEWING',
  EDITING = 'EDITING',
  TYPING = 'TYPING',
}
registerEnumType(PresenceState, { name: 'PresenceState', description: 'What a person does on a page; TYPING: in a comment composer' });

@InputType({ description: 'One page: a board (program year), a company, a task or a measure' })
export class PresenceTopicInput {
  @Field(() => PresencePage)
  page!: PresencePage;

  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A person on a page, with their most active state' })
export class PresentPerson {
  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PresenceState)
  state!: PresenceState;
}

@ObjectType({ description: 'Everyone on a page (the subscriber included), sent whenever it changes' })
export class PresenceUpdate {
  @Field(() => [PresentPerson])
  people!: PresentPerson[];
}
