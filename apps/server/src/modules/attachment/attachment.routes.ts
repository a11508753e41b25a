import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '@ecohub/domain';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { AppServices } from '../../core/app-services.ts';
import type { Viewer } from '../../core/auth/viewer.ts';
import { badInput, notFound, unauthenticated } from '../../core/errors.ts';
import { createContext, type GraphQLContext } from '../../core/graphql/context.ts';
import { attachmentStorage } from './attachment-storage-factory.ts';
import { assertMayAttach, loadTarget, TARGET_KINDS, type AttachmentTarget } from './attachment-target.ts';
import { contentProblem, declaredTypeProblem, downloadUrl, isInline, thumbnailUrl } from './attachment-types.ts';
import { receiveUpload, UploadTooLarge } from './attachment-upload.ts';
import { openAttachment, saveAttachment } from './attachment.service.ts';
import { THUMBNAIL_PX, thumbnailer } from './attachment-thumbnail.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * Files travel outside GraphQL: `POST /attachments?taskId=…` (or measureId, diagnosisId,
 * commentId, or draftTaskId for a comment being written on that task) with the raw file as the body, its type as Content-Type and its name, percent-
 * encoded, in `X-File-Name` (a custom header, so another site cannot post with a plain form).
 * Answers 201 with the attachment's metadata; errors as `{ error: { code, message } }`.
 * `GET /attachments/:id` streams a file to whoever may see it. Listing and deleting are GraphQL.
 */
export function attachmentRoutes(services: AppServices, authenticate: (req: Request) => Promise<Viewer | null>): Router {
  const router = Router();
  const contextFor = async (req: Request, res: Response): Promise<GraphQLContext> => {
    const requestId = randomUUID();
    return createContext({ services, viewer: await authenticate(req), requestId, logger: services.logger.child({ requestId }), http: { req, res } });
  };

  router.post('/attachments', async (req, res) => {
    try {
      const ctx = await contextFor(req, res);
      ctx.access.requireViewer();
      const { target, fileName, contentType } = describeUpload(req);
      const declared = declaredTypeProblem(fileName, contentType);
      if (declared) return refuse(res, 415, declared);
      const max = services.config.attachmentMaxBytes;
      if (Number(req.headers['content-length'] ?? 0) > max) return refuse(res, 413, tooLarge(max));
      await assertMayAttach(ctx, await loadTarget(ctx.em, target));
      const storage = attachmentStorage(services.config);
      const received = await receiveUpload(req, await storage.tempDir(), max).catch((error: unknown) => {
        if (error instanceof UploadTooLarge) return null;
        throw error;
      });
      if (!received) return refuse(res, 413, tooLarge(max));
      try {
        const content = contentProblem(contentType, received.head);
        if (content) return refuse(res, 415, content);
        const attachment = await saveAttachment(ctx, target, { fileName, contentType, received });
        res.status(201).json({
          id: attachment.id,
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          sizeBytes: attachment.sizeBytes,
          sha256: attachment.sha256,
          url: downloadUrl(attachment.id),
          thumbnailUrl: thumbnailUrl(attachment),
        });
      } finally {
        await rm(received.tempPath, { force: true });
      }
    } catch (error) {
      // The body may be unread: end the connection rather than read a file nobody will keep.
      res.setHeader('Connection', 'close');
      fail(services, res, error);
    }
  });

  router.get('/attachments/:id', async (req, res) => {
    try {
      const ctx = await contextFor(req, res);
      if (!ctx.viewer) throw unauthenticated();
      const { attachment, stream } = await openAttachment(ctx, String(req.params.id));
      res.status(200);
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(attachment.sizeBytes));
      res.setHeader('Content-Disposition', `${isInline(attachment.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      // Rights can change, so nothing is cached beyond this browser; the content itself never changes.
      res.setHeader('Cache-Control', 'private, max-age=300');
      res.setHeader('ETag', `"${attachment.sha256}"`);
      stream.pipe(res);
    } catch (error) {
      fail(services, res, error);
    }
  });

  /** A small WebP of an image, made while streaming (the original never sits in memory whole). */
  router.get('/attachments/:id/thumbnail', async (req, res) => {
    try {
      const ctx = await contextFor(req, res);
      if (!ctx.viewer) throw unauthenticated();
      const { attachment, stream } = await openAttachment(ctx, String(req.params.id));
      if (!isInline(attachment.contentType)) {
        stream.destroy();
        throw notFound('Thumbnail', attachment.id);
      }
      res.status(200);
      res.setHeader('Content-Type', 'image/webp');
      res.setHeader('Content-Disposition', 'inline');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, max-age=300');
      res.setHeader('ETag', `"${attachment.sha256}-t${THUMBNAIL_PX}"`);
      await pipeline(stream, thumbnailer(THUMBNAIL_PX), res);
    } catch (error) {
      fail(services, res, error);
    }
  });

  return router;
}

function hasControlCharacter(value: string): boolean {
  return [...value].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}

function describeUpload(req: Request): { target: AttachmentTarget; fileName: string; contentType: string } {
  const given = TARGET_KINDS.filter((kind) => typeof req.query[`${kind}Id`] === 'string');
  if (given.length !== 1) throw badInput('Name exactly one of diagnosisId, measureId, taskId, commentId or draftTaskId');
  const kind = given[0]!;
  const rawName = req.headers['x-file-name'];
  let fileName: string;
  try {
    fileName = typeof rawName === 'string' ? basename(decodeURIComponent(rawName)).trim() : '';
  } catch {
    fileName = '';
  }
  if (!fileName || fileName.length > 255 || hasControlCharacter(fileName)) {
    throw badInput('X-File-Name must carry the file name (percent-encoded, at most 255 characters)');
  }
  const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return { target: { kind, id: String(req.query[`${kind}Id`]) }, fileName, contentType };
}

const tooLarge = (max: number) => `Files may be at most ${max} bytes`;

/** An upload refused before or after reading it; the connection closes so an unread body is dropped. */
function refuse(res: Response, status: 413 | 415, message: string): void {
  res.setHeader('Connection', 'close');
  sendError(res, status, ErrorCode.BAD_USER_INPUT, message);
}

function sendError(res: Response, status: number, code: string, message: string): void {
  if (!res.headersSent) res.status(status).json({ error: { code, message } });
}

function fail(services: AppServices, res: Response, error: unknown): void {
  const code = error instanceof GraphQLError ? (error.extensions['code'] as string | undefined) : undefined;
  if (code && STATUS[code]) return sendError(res, STATUS[code], code, (error as GraphQLError).message);
  services.logger.error({ err: error }, 'attachment request failed');
  if (res.headersSent) res.destroy();
  else sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; please try again');
}
