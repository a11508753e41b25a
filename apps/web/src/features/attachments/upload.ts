import { ErrorCode, fileExtension } from '@ecohub/domain';

export type AttachmentTargetKind = 'task' | 'measure' | 'diagnosis' | 'comment' | 'draftTask';

/** What the hub takes (Query.attachmentLimits). */
export interface AttachmentLimits {
  maxBytes: number;
  types: readonly { contentType: string; extensions: readonly string[] }[];
}

/** Why an upload failed, as a locale key under `attachments.errors`. */
export type UploadProblem = 'type' | 'tooLarge' | 'forbidden' | 'network' | 'failed';

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem, readonly detail?: string) {
    super(detail ?? problem);
  }
}

/** What the hub answers for a stored file. */
export interface Uploaded {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
  thumbnailUrl: string | null;
}

export interface Upload {
  done: Promise<Uploaded>;
  abort: () => void;
}

/** The type a file is sent as, by its name's ending among the types the hub takes (browsers leave HWP's empty), or null. */
export function attachmentTypeIn(limits: AttachmentLimits, fileName: string): string | null {
  const extension = fileExtension(fileName);
  return limits.types.find((type) => type.extensions.includes(extension))?.contentType ?? null;
}

/** Why a file is refused before sending it (the hub checks again), or null. */
export function refusal(limits: AttachmentLimits, file: File): UploadError | null {
  if (!attachmentTypeIn(limits, file.name)) return new UploadError('type');
  if (file.size > limits.maxBytes) return new UploadError('tooLarge');
  return null;
}

/** The `accept` list of a file input. */
export const acceptOf = (limits: AttachmentLimits) => limits.types.flatMap((type) => [type.contentType, ...type.extensions.map((e) => `.${e}`)]).join(',');

/**
 * Sends one file as the raw body of `POST /attachments?<kind>Id=…` (the browser streams it from
 * disk), reporting progress; XHR because fetch still has no upload progress.
 */
export function uploadAttachment(
  target: { kind: AttachmentTargetKind; id: string },
  file: File,
  contentType: string,
  onProgress: (fraction: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Uploaded>((resolve, reject) => {
    xhr.open('POST', `/attachments?${target.kind}Id=${encodeURIComponent(target.id)}`);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (Uploaded & { error?: undefined }) | { id?: undefined; error?: { code?: string; message?: string } } | null;
      if (xhr.status === 201 && body?.id) return resolve(body);
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

/** The files of a drop. */
export const droppedFiles = (event: DragEvent): File[] => [...(event.dataTransfer?.files ?? [])];

/**
 * The files of a paste (none for pasted text, which then pastes as usual). A pasted screenshot
 * is called "image.png" by every browser: it gets a distinct name.
 */
export function pastedFiles(event: ClipboardEvent): File[] {
  const files = [...(event.clipboardData?.files ?? [])];
  if (files.length === 0) return [];
  event.preventDefault();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return files.map((file) => (file.name === 'image.png' ? new File([file], `paste-${stamp}.png`, { type: file.type }) : file));
}

export const isImage = (contentType: string) => contentType.startsWith('image/');
export const isPdf = (contentType: string) => contentType === 'application/pdf';
