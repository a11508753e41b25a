import { CommentResolver, TaskCommentsResolver } from './comment.resolver.ts';

export { Comment } from './comment.entity.ts';

export const commentResolvers = [CommentResolver, TaskCommentsResolver] as const;
