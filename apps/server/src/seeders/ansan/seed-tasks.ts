import { type MeasureStatus, TASK_PRIORITIES, TASK_STATUSES, TaskPriority, TaskStatus, initialRanks } from '@ecohub/domain';
import type { Company } from '../../modules/company/index.ts';
import type { Measure } from '../../modules/measure/index.ts';
import type { Person } from '../../modules/people/index.ts';
import { Task } from '../../modules/task/index.ts';
import { addDays, clock, seoulTime, workingDay } from './dates.ts';
import { SeedRandom } from './random.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededMeasure } from './seed-measures.ts';
import { PROGRAM_YEARS } from './program.data.ts';
import { BLOCKED_REASONS, GENERAL_TASKS, MEASURE_TASKS, type TaskTemplate } from './tasks.data.ts';

export interface SeededTask {
  task: Task;
  seeded: SeededCompany;
  /** The consultant and the company contact who talk about this task. */
  expert: Person;
  staff: Person;
}

interface TaskPlan {
  template: TaskTemplate;
  measure: Measure | null;
  owner: Person | null;
  status: TaskStatus;
}

/** Year 1's last day: its open work is due by then. */
const YEAR_ONE_END = PROGRAM_YEARS[0]!.endsOn;

/**
 * 5–12 tasks per selected company, about half under its measures. Everything is dated on year
 * 1's calendar as of the seed's "today" (YEAR_ONE_AS_OF): done tasks were finished by then, open
 * tasks are due around it (some overdue, some this week, the rest by the year's end), and each
 * task records that day (`asOfOn`) so its due marks read the same on any real date.
 */
export function seedTasks(
  { em, today }: SeedContext,
  companies: SeededCompany[],
  measures: SeededMeasure[],
  staffByCompany: Map<Company, Person[]>,
): SeededTask[] {
  const random = new SeedRandom('tasks');
  const seededTasks: SeededTask[] = [];
  for (const seeded of companies) {
    const { team } = seeded;
    const staff = staffByCompany.get(seeded.company) ?? [];
    if (!team || staff.length === 0) continue;
    const plans = planTasks(seeded, measures, random);
    const tasks = plans.map((plan) => {
      const expert = plan.owner ?? (random.chance(0.5) ? team.lead : random.pick(team.members).person);
      const contact = random.chance(0.7) ? (staff[0] as Person) : random.pick(staff);
      const assignees = plan.template.assignees === 'staff' ? [contact] : plan.template.assignees === 'expert' ? [expert] : [contact, expert];
      const dates = plan.status === TaskStatus.DONE ? doneDates(plan, seeded, today, random) : openDates(plan.status, today, random);
      const title = plan.template.title.replace('{measure}', plan.measure?.title ?? '');
      const task = em.create(Task, {
        company: seeded.company,
        measure: plan.measure,
        title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
        description:
          plan.status === TaskStatus.BLOCKED
            ? `${plan.template.description}\n\n**보류 사유:** ${random.pick(BLOCKED_REASONS)}`
            : plan.template.description,
        status: plan.status,
        priority: priority(plan, dates.dueOn, today, random),
        assignees,
        // Team leads plan most of the board; consultants and staff add their own cards.
        createdBy: random.weighted([[team.lead, 60], [expert, 25], [contact, 15]] as const),
        rank: '',
        ...dates,
        asOfOn: today,
        updatedAt: dates.completedAt ?? dates.createdAt,
      });
      return { task, seeded, expert, staff: contact };
    });
    rankColumns(tasks.map((t) => t.task));
    seededTasks.push(...tasks);
  }
  return seededTasks;
}

function planTasks(seeded: SeededCompany, measures: SeededMeasure[], random: SeedRandom): TaskPlan[] {
  const plans: TaskPlan[] = [];
  for (const { measure, owner } of measures.filter((m) => m.seeded === seeded)) {
    const status: MeasureStatus = measure.status;
    MEASURE_TASKS[status].forEach((template, index) => {
      if (index === 0 || random.chance(0.6)) plans.push({ template, measure, owner, status: random.weighted(template.statuses) });
    });
  }
  const target = seeded.isDemo ? 12 : random.int(5, 12);
  const general = random.shuffle(GENERAL_TASKS).map((template) => ({ template, measure: null, owner: null, status: random.weighted(template.statuses) }));
  const generalCount = Math.max(2, target - plans.length);
  const chosen = random.shuffle([...plans, ...general.slice(0, generalCount)]).slice(0, target);
  if (seeded.isDemo) coverEveryColumn(chosen);
  return chosen;
}

/** The demo company's board has a card in every column (moving one that can go there). */
function coverEveryColumn(plans: TaskPlan[]): void {
  for (const status of TASK_STATUSES) {
    if (plans.some((plan) => plan.status === status)) continue;
    const movable = plans.find(
      (plan) => plan.template.statuses.some(([s]) => s === status) && plans.filter((other) => other.status === plan.status).length > 1,
    );
    if (movable) movable.status = status;
  }
}

function doneDates(plan: TaskPlan, seeded: SeededCompany, today: string, random: SeedRandom) {
  const anchor =
    plan.measure?.followUpCheckedOn ??
    plan.measure?.implementedOn ??
    (plan.measure ? plan.measure.createdAt.toISOString().slice(0, 10) : (seeded.participation.activeOn as string));
  let dueOn = workingDay(addDays(anchor, random.int(5, 25)));
  // Done by "today": finished at the latest the working day before.
  const lastWorkday = workingDayBefore(today);
  if (dueOn > lastWorkday) dueOn = lastWorkday;
  return {
    dueOn,
    createdAt: seoulTime(addDays(dueOn, -random.int(10, 30)), clock(random.int(9, 11), random.pick([5, 20, 40]))),
    completedAt: seoulTime(addDays(dueOn, -random.int(0, 4)), clock(random.int(14, 18), random.pick([10, 30, 50]))),
  };
}

function openDates(status: TaskStatus, today: string, random: SeedRandom) {
  // Late work is the exception that should stand out: mostly blocked cards, a few others.
  const overdueWeight = status === TaskStatus.BLOCKED ? 25 : 3;
  const offset = random.weighted([
    [random.int(-21, -1), overdueWeight],
    [random.int(0, 6), 30],
    [random.int(7, 60), 35],
    [null, 10],
  ] as const);
  // Year-1 work is due within year 1: "later" means by the year's last day.
  const dueOn = offset === null ? null : minDate(addDays(today, offset), YEAR_ONE_END);
  let createdOn = addDays(today, -random.int(3, 45));
  if (dueOn && createdOn > addDays(dueOn, -5)) createdOn = addDays(dueOn, -random.int(7, 20));
  return {
    dueOn,
    createdAt: seoulTime(createdOn, clock(random.int(9, 11), random.pick([5, 20, 40]))),
    completedAt: null,
  };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The last working day before `date`. */
function workingDayBefore(date: string): string {
  let day = addDays(date, -1);
  while (workingDay(day) !== day) day = addDays(day, -1);
  return day;
}

/** The template's priority, now and then one step either way; a blocked overdue task is urgent. */
function priority(plan: TaskPlan, dueOn: string | null, today: string, random: SeedRandom): TaskPriority {
  if (plan.status === TaskStatus.BLOCKED && dueOn !== null && dueOn < today) return TaskPriority.URGENT;
  const index = TASK_PRIORITIES.indexOf(plan.template.priority);
  const shift = random.weighted([[0, 8], [-1, 1], [1, 1]] as const);
  return TASK_PRIORITIES[Math.min(TASK_PRIORITIES.length - 1, Math.max(0, index + shift))] as TaskPriority;
}

/** Each board column ordered by priority, then due date, with evenly spread ranks. */
function rankColumns(tasks: Task[]): void {
  for (const status of TASK_STATUSES) {
    const column = tasks
      .filter((task) => task.status === status)
      .sort(
        (a, b) =>
          TASK_PRIORITIES.indexOf(b.priority) - TASK_PRIORITIES.indexOf(a.priority) ||
          (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
      );
    initialRanks(column.length).forEach((rank, i) => ((column[i] as Task).rank = rank));
  }
}
