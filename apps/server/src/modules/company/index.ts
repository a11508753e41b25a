import { CompanyResolver } from './company.resolver.ts';

export { Company } from './company.entity.ts';
export { CompanyConnection } from './company.resolver.ts';
export { getCompany } from './company.service.ts';

export const companyResolvers = [CompanyResolver] as const;
