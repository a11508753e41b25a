export { Company } from './company.entity.ts';
