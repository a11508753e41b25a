import { CommentResolver, TaskCommentsResolver } from './comment.resolver.ts';

export { Comment } from './comment.entity.ts';
export { COMMENT_PAGE } from './comment.queries.ts';
export { COMMENT_EVENTS, CommentChange, CommentChangeKind, commentTopic } from './comment.topics.ts';

export const commentResolvers = [CommentResolver, TaskCommentsResolver] as const;
