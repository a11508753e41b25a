import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { ErrorCode } from '@ecohub/domain';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { createUnitOfWork, type UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { AppServices } from '../../core/app-services.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import { openAttachment } from '../attachment/index.ts';
import { companyBenchmark } from './benchmark.queries.ts';
import { reportLang, reportText } from './report-labels.ts';
import { participationPdf, programYearPdf } from './report-pdf.ts';
import { programYearXlsx } from './report-xlsx.ts';
import { participationReport, programYearReport, type ParticipationReport } from './report.queries.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Report files, for the signed-in viewer (session cookie), in Korean or with `?lang=en` English:
 * - `GET /reports/program-years/:id.pdf|.xlsx`: year-end results (admins, managers, observers);
 * - `GET /reports/participations/:id.pdf`: a company's final report (whoever sees its work).
 * Errors as `{ error: { code, message } }` with the matching HTTP status.
 */
export function reportRoutes(services: AppServices, authenticate: (req: Request) => Promise<Viewer | null>): Router {
  const router = Router();
  const unitFor = async (req: Request): Promise<UnitOfWork> => {
    const requestId = randomUUID();
    return createUnitOfWork({ services, viewer: await authenticate(req), logger: services.logger.child({ requestId }) });
  };
  const send = (res: Response, type: string, fileName: string, body: Buffer) => {
    res.status(200);
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Content-Disposition', `${type === PDF ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(body);
  };

  router.get('/reports/program-years/:file', async (req, res) => {
    try {
      const match = /^(.+)\.(pdf|xlsx)$/.exec(String(req.params.file));
      if (!match) return sendError(res, 404, ErrorCode.NOT_FOUND, 'Reports are .pdf or .xlsx');
      const [, id, format] = match as unknown as [string, string, 'pdf' | 'xlsx'];
      const uow = await unitFor(req);
      const report = await programYearReport(uow, id);
      const text = reportText(reportLang(req.query['lang']));
      const name = `ecohub-${report.year.startsOn.slice(0, 4)}-year-${report.year.number}-${text.lang}.${format}`;
      if (format === 'pdf') send(res, PDF, name, await programYearPdf(report, text));
      else send(res, XLSX, name, await programYearXlsx(report, text));
    } catch (error) {
      fail(services, res, error);
    }
  });

  router.get('/reports/participations/:file', async (req, res) => {
    try {
      const match = /^(.+)\.pdf$/.exec(String(req.params.file));
      if (!match) return sendError(res, 404, ErrorCode.NOT_FOUND, 'Company reports are .pdf');
      const uow = await unitFor(req);
      const report = await participationReport(uow, match[1]!);
      const text = reportText(reportLang(req.query['lang']));
      const [photos, benchmark] = await Promise.all([readPhotos(uow, report), companyBenchmark(uow, report.participationId)]);
      send(res, PDF, `ecohub-${report.company.nameKo}-${report.year.number}-${text.lang}.pdf`, await participationPdf(report, text, photos, benchmark));
    } catch (error) {
      fail(services, res, error);
    }
  });

  return router;
}

/** Photos go through the attachments' own visibility check; one that cannot be read is left out. */
async function readPhotos(uow: UnitOfWork, report: ParticipationReport): Promise<Map<string, Buffer>> {
  const photos = new Map<string, Buffer>();
  for (const photo of report.photos) {
    try {
      const { stream } = await openAttachment(uow, photo.attachmentId);
      photos.set(photo.attachmentId, await buffer(stream));
    } catch (error) {
      uow.logger.warn({ err: error, attachmentId: photo.attachmentId }, 'report photo left out');
    }
  }
  return photos;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  if (!res.headersSent) res.status(status).json({ error: { code, message } });
}

function fail(services: AppServices, res: Response, error: unknown): void {
  const code = error instanceof GraphQLError ? (error.extensions['code'] as string | undefined) : undefined;
  if (code && STATUS[code]) return sendError(res, STATUS[code], code, (error as GraphQLError).message);
  services.logger.error({ err: error }, 'report request failed');
  if (res.headersSent) res.destroy();
  else sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; please try again');
}
