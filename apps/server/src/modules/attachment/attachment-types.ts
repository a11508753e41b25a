import { ATTACHMENT_TYPES, fileExtension } from '@ecohub/domain';

/**
 * What may be attached: plant photos, reports and spreadsheets. The declared type must be one
 * of these, and the first bytes must look like it: a script renamed to .png is refused.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Sniff = (head: Buffer) => boolean;

const startsWith = (bytes: number[]): Sniff => (head) => bytes.every((byte, i) => head[i] === byte);
const isText: Sniff = (head) => !head.includes(0);

const SNIFFS: Record<string, Sniff> = {
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/gif': (head) => head.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (head) => head.subarray(0, 5).toString('latin1') === '%PDF-',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': startsWith(ZIP),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': startsWith(ZIP),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': startsWith(ZIP),
  'application/msword': startsWith(OLE),
  'application/vnd.ms-excel': startsWith(OLE),
  'application/vnd.ms-powerpoint': startsWith(OLE),
  'application/x-hwp': startsWith(OLE),
  'application/vnd.hancom.hwpx': startsWith(ZIP),
  'text/csv': isText,
};

/** Bytes read before deciding: enough for every signature above and a text check. */
export const SNIFF_BYTES = 4096;

/** Why a declared file is refused before reading it (type not allowed, name not matching), or null. */
export function declaredTypeProblem(fileName: string, contentType: string): string | null {
  const extensions = ATTACHMENT_TYPES[contentType];
  if (!extensions) return `${contentType || 'this type'} cannot be attached: images, PDF, office documents and CSV only`;
  if (!extensions.includes(fileExtension(fileName))) return `a ${contentType} file must end in .${extensions.join(' or .')}`;
  return null;
}

/** Why received bytes are refused (they do not look like the declared type), or null. */
export function contentProblem(contentType: string, head: Buffer): string | null {
  return SNIFFS[contentType]?.(head) ? null : `the file's content is not ${contentType}`;
}

/** Images are shown in the page; everything else downloads (never rendered as our origin). */
export function isInline(contentType: string): boolean {
  return contentType.startsWith('image/');
}

/** Where a file downloads, and its thumbnail (images only): one definition for GraphQL and the upload's answer. */
export const downloadUrl = (id: string) => `/attachments/${id}`;
export const thumbnailUrl = (attachment: { id: string; contentType: string }) => (isInline(attachment.contentType) ? `${downloadUrl(attachment.id)}/thumbnail` : null);
