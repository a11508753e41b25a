import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from '../load/graphql.ts';
import { now } from '../load/clock.ts';

export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { id }
}`;

export function addCommentBody(taskId: string, n: number): string {
  return JSON.stringify({
    query: ADD_COMMENT,
    variables: { input: { taskId, body: `벤치마크 댓글 ${n}: 현장 측정값을 공유합니다.`, visibility: 'SHARED', idempotencyKey: randomUUID() } },
  });
}

export interface Write {
  commentId: string;
  sentAt: number;
  answeredAt: number;
}

/** Adds one comment and notes when it was sent and answered (its commit falls in between). */
export async function addComment(client: GraphQLClient, taskId: string, n: number): Promise<Write> {
  const sentAt = now();
  const data = await client.data<{ addComment: { id: string } }>(ADD_COMMENT, JSON.parse(addCommentBody(taskId, n)).variables);
  return { commentId: data.addComment.id, sentAt, answeredAt: now() };
}
