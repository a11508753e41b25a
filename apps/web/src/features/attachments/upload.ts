import { attachmentTypeOf, ErrorCode } from '@ecohub/domain';

export type AttachmentTargetKind = 'task' | 'measure' | 'diagnosis' | 'comment';

/** Why an upload failed, as a locale key under `attachments.errors`. */
export type UploadProblem = 'type' | 'tooLarge' | 'forbidden' | 'network' | 'failed';

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem, readonly detail?: string) {
    super(detail ?? problem);
  }
}

export interface Upload {
  /** Resolves with the new attachment's id. */
  done: Promise<string>;
  abort: () => void;
}

/**
 * Sends one file as the raw body of `POST /attachments?<kind>Id=…` (the browser streams it from
 * disk), reporting progress; XHR because fetch still has no upload progress. The type comes from
 * the name's ending when the browser leaves it empty (HWP).
 */
export function uploadAttachment(
  target: { kind: AttachmentTargetKind; id: string },
  file: File,
  onProgress: (fraction: number) => void,
): Upload {
  const contentType = attachmentTypeOf(file.name);
  if (!contentType) return { done: Promise.reject(new UploadError('type')), abort: () => {} };
  const xhr = new XMLHttpRequest();
  const done = new Promise<string>((resolve, reject) => {
    xhr.open('POST', `/attachments?${target.kind}Id=${encodeURIComponent(target.id)}`);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { id?: string; error?: { code?: string; message?: string } } | null;
      if (xhr.status === 201 && body?.id) return resolve(body.id);
      const message = body?.error?.message;
      if (xhr.status === 413) return reject(new UploadError('tooLarge', message));
      if (xhr.status === 415) return reject(new UploadError('type', message));
      if (body?.error?.code === ErrorCode.FORBIDDEN) return reject(new UploadError('forbidden', message));
      reject(new UploadError('failed', message));
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

export const isImage = (contentType: string) => contentType.startsWith('image/');
export const isPdf = (contentType: string) => contentType === 'application/pdf';
