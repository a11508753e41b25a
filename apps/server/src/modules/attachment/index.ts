import {
  AttachmentResolver,
  CommentAttachmentsResolver,
  DiagnosisAttachmentsResolver,
  MeasureAttachmentsResolver,
  TaskAttachmentsResolver,
} from './attachment.resolver.ts';

export { Attachment } from './attachment.entity.ts';
export { changeCommentFiles, openAttachment } from './attachment.service.ts';
export { attachmentJobs } from './attachment.jobs.ts';
export { attachmentRoutes } from './attachment.routes.ts';
export type { AttachmentStorage } from './attachment-storage.ts';

export const attachmentResolvers = [
  AttachmentResolver,
  TaskAttachmentsResolver,
  MeasureAttachmentsResolver,
  CommentAttachmentsResolver,
  DiagnosisAttachmentsResolver,
] as const;
