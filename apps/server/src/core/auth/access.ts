import { Role, type CommentVisibility } from '@ecohub/domain';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { forbidden, notFound, unauthenticated } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { can, LIBRARY_MIN_COMPANIES, mayRead, seesAllCompanies, type Action, type DataKind } from './policy.ts';
import type { Viewer } from './viewer.ts';
import { readableCommentVisibilities, sqlAudienceCondition, type SqlCondition } from './visibility.ts';

/** 'all', or the ids of the companies a viewer may see for a kind of data (possibly none). */
export type CompanyScope = 'all' | readonly string[];

/**
 * The companies an expert serves: those whose participation is assigned to a team the expert
 * belongs to or leads, for the person bound to both parameters. Read from the database every
 * time it is asked, so a change of team takes effect at once (live deliveries ask again for each
 * event); one-statement reads select it in place (`Access.sqlScope`).
 */
const EXPERT_COMPANIES_FROM = `from participation p
       join expert_team t on t.id = p.team_id
      where t.lead_id = ?
         or exists (select 1 from team_membership m where m.team_id = t.id and m.person_id = ?)`;

export async function expertCompanyIds(em: EntityManager, personId: string): Promise<string[]> {
  const rows: { company_id: string }[] = await em.execute(`select distinct p.company_id ${EXPERT_COMPANIES_FROM}`, [personId, personId]);
  return rows.map((row) => row.company_id);
}

/** A viewer's scope for one kind of data as the policy decides it: an expert's is theirs to look up. */
function scopeRule(viewer: Viewer | null, kind: DataKind): CompanyScope | { expert: string } {
  if (!viewer || !mayRead(viewer, kind)) return [];
  if (seesAllCompanies(viewer)) return 'all';
  if (viewer.role === Role.COMPANY_STAFF) return viewer.companyId ? [viewer.companyId] : [];
  if (viewer.role === Role.EXPERT) return { expert: viewer.personId };
  return [];
}

/** The scope a viewer has for one kind of data, computed from the policy and the database. */
export async function companyScopeFor(
  em: EntityManager,
  viewer: Viewer | null,
  kind: DataKind,
  expertCompanies: (personId: string) => Promise<string[]> = (personId) => expertCompanyIds(em, personId),
): Promise<CompanyScope> {
  const rule = scopeRule(viewer, kind);
  return rule === 'all' || Array.isArray(rule) ? rule : expertCompanies((rule as { expert: string }).expert);
}

/** A company scope as SQL over a company id column. */
export type SqlScope = (column: string) => SqlCondition;

/** `${column} = any(?::uuid[])` for a list (none: matches nothing), `true` for viewers who see everything. */
export function sqlScopeOf(scope: CompanyScope): SqlScope {
  return (column) => (scope === 'all' ? { sql: 'true', params: [] } : { sql: `${column} = any(?::uuid[])`, params: [sqlUuidArray(scope)] });
}

/** A SQL condition over a row's alias as a MikroORM filter (the alias is only known when the query is built: rendered then). */
export function sqlFilter(condition: (alias: string) => SqlCondition): Record<string, unknown> {
  return { [raw((alias: string) => condition(alias).sql, condition('x').params)]: [] };
}

/**
 * A PostgreSQL array literal of ids for `= any(?::uuid[])`. MikroORM's `execute` inlines a JS
 * array as a comma list (right for `in (?)`, a syntax error inside `any()` and wrong for an
 * empty list), so arrays go in as one literal. Only ids are accepted: nothing to escape.
 */
export function sqlUuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!isUuid(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

export function scopeIncludes(scope: CompanyScope, companyId: string): boolean {
  return scope === 'all' || scope.includes(companyId);
}

/**
 * Per request: the viewer's rights, with company scopes computed once per request and kind.
 * Every read of company data filters with `companyFilter`/`sqlCompanyCondition`, and every
 * write checks `assertCanWrite`, so no resolver decides on its own who sees what.
 */
export class Access {
  private readonly scopes = new Map<DataKind, Promise<CompanyScope>>();
  /** An expert's companies are the same for every kind of data: one query per request, not one per kind. */
  private expertCompanies: Promise<string[]> | null = null;

  constructor(
    private readonly em: EntityManager,
    readonly viewer: Viewer | null,
  ) {}

  scope(kind: DataKind): Promise<CompanyScope> {
    let scope = this.scopes.get(kind);
    if (!scope) {
      scope = companyScopeFor(this.em, this.viewer, kind, (personId) => (this.expertCompanies ??= expertCompanyIds(this.em, personId)));
      this.scopes.set(kind, scope);
    }
    return scope;
  }

  /** A MikroORM filter on the `company` relation, for `where` clauses. */
  async companyFilter(kind: DataKind, property = 'company'): Promise<Record<string, unknown>> {
    const scope = await this.scope(kind);
    return scope === 'all' ? {} : { [property]: { $in: [...scope] } };
  }

  /**
   * A SQL condition and its parameters for hand-written queries (aggregates, the board):
   * `${column} = any(?::uuid[])` (no company at all: matches nothing), or `true` for viewers who
   * see everything.
   */
  async sqlCompanyCondition(kind: DataKind, column: string): Promise<{ sql: string; params: unknown[] }> {
    return sqlScopeOf(await this.scope(kind))(column);
  }

  /**
   * The scope for a kind of data as SQL that costs no statement of its own: an expert's companies
   * are selected in place (a subquery), for reads that must stay one statement.
   */
  sqlScope(kind: DataKind): SqlScope {
    const rule = scopeRule(this.viewer, kind);
    if (rule === 'all' || Array.isArray(rule)) return sqlScopeOf(rule);
    const { expert } = rule as { expert: string };
    return (column) => ({ sql: `${column} in (select p.company_id ${EXPERT_COMPANIES_FROM})`, params: [expert, expert] });
  }

  async canSeeCompany(kind: DataKind, companyId: string): Promise<boolean> {
    return scopeIncludes(await this.scope(kind), companyId);
  }

  /** Other tenants' records are reported as not found: their existence is not revealed. */
  async assertCanSeeCompany(kind: DataKind, companyId: string, entity: string, id: string): Promise<void> {
    if (!(await this.canSeeCompany(kind, companyId))) throw notFound(entity, id);
  }

  /**
   * A visibility rule's SQL (core/auth/visibility.ts) as a MikroORM filter condition, for the
   * entity whose table the rule is written against.
   */
  async visibilityFilter(rule: (viewer: Viewer | null, workScope: CompanyScope, alias: string) => SqlCondition): Promise<Record<string, unknown>> {
    const scope = await this.scope('work');
    return sqlFilter((alias) => rule(this.viewer, scope, alias));
  }

  /** The history entries a viewer may read: their stored audience admits the viewer (visibility.ts). */
  activityFilter(): Promise<Record<string, unknown>> {
    return this.visibilityFilter(sqlAudienceCondition);
  }

  /**
   * The comments this viewer may read, as a SQL condition on a `comment` row aliased `alias`:
   * their companies' comments, and internal ones only for those who may read them.
   */
  async sqlCommentCondition(alias: string): Promise<{ sql: string; params: unknown[] }> {
    const scope = await this.sqlCompanyCondition('comments', `${alias}.company_id`);
    // Visibilities are enum values: a plain array literal needs no quoting.
    return { sql: `${alias}.visibility = any(?::text[]) and ${scope.sql}`, params: [`{${this.commentVisibilities().join(',')}}`, ...scope.params] };
  }

  /** Comment visibilities this viewer may read. */
  commentVisibilities(): CommentVisibility[] {
    return readableCommentVisibilities(this.viewer);
  }

  /**
   * How the measure library shows an entry: in full for companies in the viewer's scope;
   * otherwise anonymous (no company, description, processes or comments), with its figures only
   * for roles that may read them ('library.readFigures'). Staff thus see anonymous examples and
   * aggregates over at least LIBRARY_MIN_COMPANIES companies.
   */
  async libraryView(): Promise<{ scope: CompanyScope; anonymousFigures: boolean; minCompanies: number }> {
    this.requireViewer();
    const anonymousFigures = can(this.viewer, 'library.readFigures');
    return { scope: await this.scope('program-results'), anonymousFigures, minCompanies: anonymousFigures ? 1 : LIBRARY_MIN_COMPANIES };
  }

  requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  /** Role check for an action (throws UNAUTHENTICATED or FORBIDDEN). */
  assertCan(action: Action): Viewer {
    const viewer = this.requireViewer();
    if (!can(viewer, action)) throw forbidden();
    return viewer;
  }

  /** Role check plus data scope for a write to one company's data. */
  async assertCanWrite(action: Action, companyId: string, entity: string, id: string): Promise<Viewer> {
    const viewer = this.requireViewer();
    const kind: DataKind = action === 'comment.write' ? 'comments' : 'work';
    if (!(await this.canSeeCompany(kind, companyId))) throw notFound(entity, id);
    if (!can(viewer, action)) throw forbidden();
    return viewer;
  }
}
