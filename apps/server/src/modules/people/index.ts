import { PersonResolver } from './person.resolver.ts';
import { CompanyStaffResolver, PeopleResolver } from './people.resolver.ts';

export { Person } from './person.entity.ts';

export const peopleResolvers = [PersonResolver, PeopleResolver, CompanyStaffResolver] as const;
export { LAST_EDITED_BY_DESCRIPTION, lastEditor, stampEdit, type EditStamped } from './edit-stamp.ts';
