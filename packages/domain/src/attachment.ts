/**
 * What may be attached: plant photos, reports and spreadsheets, by type and file-name ending.
 * The server also checks the first bytes, and tells clients this list (Query.attachmentLimits)
 * so they refuse a wrong file before sending it.
 */
export const ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
  /** Hangul (HWP/HWPX): the office format of Korean reports. */
  'application/x-hwp': ['hwp'],
  'application/vnd.hancom.hwpx': ['hwpx'],
  'text/csv': ['csv'],
};

export function fileExtension(fileName: string): string {
  return fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
}
