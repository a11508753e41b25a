export { Attachment } from './attachment.entity.ts';
