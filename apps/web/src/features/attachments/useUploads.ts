import { onBeforeUnmount, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { refusal, uploadAttachment, attachmentTypeIn, UploadError, type AttachmentTargetKind, type Upload, type Uploaded } from './upload';
import { useAttachmentLimits } from './useAttachmentLimits';
import { useFileSize } from './useFileSize';

export interface UploadInFlight {
  key: number;
  name: string;
  progress: number;
  upload: Upload;
}

export interface UploadProblemEntry {
  key: number;
  name: string;
  message: string;
}

/**
 * Files on their way to one target: each is checked against the hub's limits first (a refusal
 * names the limit), then sent with progress and a cancel; `onUploaded` receives what the hub
 * stored. Uploads still running when the component goes are cancelled.
 */
export function useUploads(target: MaybeRefOrGetter<{ kind: AttachmentTargetKind; id: string }>, onUploaded: (file: Uploaded) => void) {
  const { t } = useI18n();
  const limits = useAttachmentLimits();
  const fileSize = useFileSize();
  const inFlight = ref<UploadInFlight[]>([]);
  const problems = ref<UploadProblemEntry[]>([]);
  let nextKey = 0;

  function messageOf(error: UploadError, file: File): string {
    if (error.problem === 'tooLarge' && Number.isFinite(limits.value.maxBytes)) {
      return t('attachments.errors.tooLargeLimit', { size: fileSize(file.size), max: fileSize(limits.value.maxBytes) });
    }
    return t(`attachments.errors.${error.problem}`);
  }

  function send(files: Iterable<File>) {
    for (const file of files) {
      const key = nextKey++;
      const refused = refusal(limits.value, file);
      if (refused) {
        problems.value.push({ key, name: file.name, message: messageOf(refused, file) });
        continue;
      }
      const upload = uploadAttachment(toValue(target), file, attachmentTypeIn(limits.value, file.name)!, (fraction) => {
        const entry = inFlight.value.find((p) => p.key === key);
        if (entry) entry.progress = fraction;
      });
      inFlight.value.push({ key, name: file.name, progress: 0, upload });
      upload.done
        .then(onUploaded)
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          problems.value.push({ key, name: file.name, message: messageOf(error instanceof UploadError ? error : new UploadError('failed'), file) });
        })
        .finally(() => {
          inFlight.value = inFlight.value.filter((p) => p.key !== key);
        });
    }
  }

  const dismiss = (key: number) => {
    problems.value = problems.value.filter((p) => p.key !== key);
  };
  const abortAll = () => inFlight.value.forEach((p) => p.upload.abort());
  onBeforeUnmount(abortAll);
  return { inFlight, problems, send, dismiss, abortAll, limits };
}
