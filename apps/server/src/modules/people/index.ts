export { Person } from './person.entity.ts';
