export { Comment } from './comment.entity.ts';
