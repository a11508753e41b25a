import { isValidBusinessNumber, isValidEmail, LIMITS, Validator, type Violation } from './validation.ts';

export interface CompanyFieldValues {
  nameKo?: string | null;
  nameEn?: string | null;
  businessNumber?: string | null;
  industryCode?: string | null;
  industryLabel?: string | null;
  industrialComplex?: string | null;
  address?: string | null;
  ceoName?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  employees?: number | null;
}

const REQUIRED = ['nameKo', 'businessNumber', 'industryCode', 'industryLabel'] as const;

/** A company's fields, checked alike by the API and the form (`creating`: the required ones must be given). */
export function companyViolations(input: CompanyFieldValues, creating: boolean): Violation[] {
  const v = new Validator();
  for (const field of REQUIRED) {
    const max = field === 'industryCode' ? 10 : LIMITS.shortText;
    v.text(field, input[field], { max, required: creating || input[field] === null });
  }
  v.text('nameEn', input.nameEn, { max: LIMITS.shortText })
    .text('industrialComplex', input.industrialComplex, { max: LIMITS.shortText })
    .text('address', input.address, { max: 300 })
    .text('ceoName', input.ceoName, { max: 100 })
    .text('contactName', input.contactName, { max: 100 })
    .text('contactPhone', input.contactPhone, { max: 40 })
    .range('employees', input.employees, 0, 1_000_000, true);
  if (input.businessNumber) {
    v.check('businessNumber', isValidBusinessNumber(input.businessNumber.trim()), 'invalidBusinessNumber', 'businessNumber is not a valid business registration number (XXX-XX-XXXXX)');
  }
  if (input.industryCode) v.check('industryCode', /^\d{2,5}$/.test(input.industryCode.trim()), 'industryCodeFormat', 'industryCode must be a KSIC code of 2 to 5 digits');
  if (input.contactEmail) v.check('contactEmail', isValidEmail(input.contactEmail.trim()), 'invalidEmail', 'contactEmail is not a valid email address');
  return v.violations;
}
