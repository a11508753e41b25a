import { CompanyResolver } from './company.resolver.ts';

export { Company } from './company.entity.ts';
export { CompanyConnection } from './company.resolver.ts';
export { getCompany } from './company.service.ts';
export { COMPANY_EVENTS, CompanyChange, companyTopic } from './company.topics.ts';

export const companyResolvers = [CompanyResolver] as const;
