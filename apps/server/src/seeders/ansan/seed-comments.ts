import { CommentVisibility, TaskStatus, mentionToken } from '@ecohub/domain';
import { Comment } from '../../modules/comment/index.ts';
import type { Person } from '../../modules/people/index.ts';
import { EXPERT_LINES, INTERNAL_LINES, STAFF_LINES, STATUS_LINES } from './comments.data.ts';
import { addHours, duringWorkingHours } from './dates.ts';
import { SeedRandom } from './random.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededTask } from './seed-tasks.ts';

export interface SeededMention {
  comment: Comment;
  recipient: Person;
  author: Person;
  task: SeededTask;
}

/** How many comments a card in each column collects. */
const THREAD_LENGTH: Record<TaskStatus, readonly [number, number]> = {
  TODO: [0, 2],
  IN_PROGRESS: [1, 4],
  IN_REVIEW: [1, 3],
  DONE: [0, 2],
  BLOCKED: [2, 4],
};

/**
 * Korean threads between the consultant and the company contact, in time order after the
 * task was created; about one expert comment in five is internal, addressed to a colleague.
 */
export function seedComments({ em, now }: SeedContext, tasks: SeededTask[]): { comments: Comment[]; mentions: SeededMention[] } {
  const random = new SeedRandom('comments');
  const comments: Comment[] = [];
  const mentions: SeededMention[] = [];
  const latest = addHours(now, -0.5);
  for (const seededTask of tasks) {
    const { task, expert, staff } = seededTask;
    const colleagues = seededTask.seeded.team?.members.map((m) => m.person).filter((p) => p !== expert) ?? [];
    const status: TaskStatus = task.status;
    const [min, max] = THREAD_LENGTH[status];
    // The demo company's cards talk a little more: they are the first the demo users open.
    const count = random.int(min, max) + (seededTask.seeded.isDemo ? 1 : 0);
    // Threads end two days after the card is done, and never after the seeded year's "now".
    const until = task.completedAt && addHours(task.completedAt, 48) < latest ? addHours(task.completedAt, 48) : latest;
    const used = new Set<string>();
    let at = duringWorkingHours(addHours(task.createdAt, random.int(4, 30)));
    let byExpert = random.chance(0.7);
    for (let i = 0; i < count && at < until; i++) {
      const author = byExpert ? expert : staff;
      const internal = byExpert && colleagues.length > 0 && random.chance(0.22);
      const colleague = colleagues.length > 0 ? random.pick(colleagues) : expert;
      const statusLines = STATUS_LINES[status]?.[byExpert ? 'expert' : 'staff'] ?? [];
      const pool = internal
        ? INTERNAL_LINES
        : statusLines.length > 0 && random.chance(i === count - 1 ? 0.7 : 0.25)
          ? statusLines
          : byExpert
            ? EXPERT_LINES
            : STAFF_LINES;
      const fresh = pool.filter((line) => !used.has(line));
      const line = random.pick(fresh.length > 0 ? fresh : pool);
      used.add(line);

      const mentioned: Person[] = [];
      const body = line.replace(/\{(staff|expert|colleague)\}/g, (_, who: string) => {
        const person = who === 'staff' ? staff : who === 'expert' ? expert : colleague;
        mentioned.push(person);
        return mentionToken(person.name, person.id);
      });
      const comment = em.create(Comment, {
        task,
        company: seededTask.seeded.company,
        author,
        body,
        visibility: internal ? CommentVisibility.INTERNAL : CommentVisibility.SHARED,
        mentions: mentioned,
        createdAt: at,
        updatedAt: at,
      });
      comments.push(comment);
      for (const recipient of mentioned) mentions.push({ comment, recipient, author, task: seededTask });

      at = duringWorkingHours(addHours(at, random.int(2, 40)));
      byExpert = random.chance(0.2) ? byExpert : !byExpert;
    }
  }
  return { comments, mentions };
}
