import { benchId } from '../data/ids.ts';
import type { Cell, ScenarioResult } from '../report/report.ts';
import type { BenchContext } from './context.ts';

const TITLE = 'Report files (year-end results PDF and Excel, a company final report), one at a time';

interface FileTiming {
  file: string;
  companies: number;
  /** The first request of its kind on this hub (font loaded, code cold). */
  first: number;
  p50: number;
  max: number;
  bytes: number;
  requests: number;
  errors: number;
}

/** One request at a time, as a manager downloads a report: the time is the whole answer, body read. */
async function timeFile(url: string, cookie: string, times: number): Promise<Omit<FileTiming, 'file' | 'companies'>> {
  const samples: number[] = [];
  let bytes = 0;
  let errors = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200) {
      errors++;
      continue;
    }
    bytes = body.length;
    samples.push(ms);
  }
  // The first answer pays for cold code and the first font read: shown apart, not in p50/max.
  const [first, ...warm] = samples;
  const sorted = warm.sort((a, b) => a - b);
  const round = (value: number | undefined) => (value === undefined ? Number.NaN : Math.round(value));
  return { first: round(first), p50: round(sorted[Math.floor((sorted.length - 1) / 2)]), max: round(sorted.at(-1)), bytes, requests: times, errors };
}

export async function reportsScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const cookie = ctx.data.cookie(1);
  const timings: FileTiming[] = [];
  for (const { key, companies } of ctx.data.shape.programs) {
    const times = ctx.quick ? 3 : companies > 50 ? 6 : 11;
    for (const format of ['pdf', 'xlsx'] as const) {
      ctx.log(`reports: ${companies}-company year ${format}`);
      timings.push({ file: `year ${format}`, companies, ...(await timeFile(`${ctx.hub.url}/reports/program-years/${ctx.data.yearId(key)}.${format}`, cookie, times)) });
    }
    const company = ctx.data.companies(key)[0]!;
    ctx.log(`reports: company report in the ${companies}-company year`);
    timings.push({ file: 'company pdf', companies, ...(await timeFile(`${ctx.hub.url}/reports/participations/${benchId(`participation-${company}`)}.pdf`, cookie, times)) });
  }
  const rows: Cell[][] = timings.map((t) => [t.file, t.companies, t.first, t.p50, t.max, t.bytes, t.requests, t.errors]);
  const yearPdf = (companies: number) => timings.find((t) => t.file === 'year pdf' && t.companies === companies);
  const target = (companies: number, limitMs: number) => {
    const timing = yearPdf(companies);
    return {
      target: `year-end PDF of ${companies} companies < ${limitMs / 1000} s`,
      measured: timing ? `${timing.max} ms (max), ${timing.p50} ms (p50), first ${timing.first} ms` : 'not measured',
      met: timing && !timing.errors ? timing.max < limitMs : null,
    };
  };
  return {
    id: 8,
    title: TITLE,
    tables: [{ columns: ['file', 'companies', 'first ms', 'p50 ms', 'max ms', 'bytes', 'requests', 'errors'], rows }],
    targets: [target(20, 2_000), target(200, 10_000)],
    notes: [
      'GET /reports/program-years/{id}.pdf|.xlsx and /reports/participations/{id}.pdf as a program manager (session cookie), each request alone; the time includes the KPI queries, the layout (pdfkit, Pretendard subset) and reading the whole body.',
      'The generated companies have 10 measures each, an initial diagnosis and no photos.',
      '"first" is the first request of its kind on the hub (cold code, first font read); p50 and max are over the following requests.',
    ],
    figures: { timings },
  };
}
