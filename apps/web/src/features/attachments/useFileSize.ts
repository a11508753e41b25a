import { useI18n } from 'vue-i18n';
import { useFormat } from '@/composables/useFormat';

/** A file size as people read it: B, KB or MB with one decimal, in the UI's locale. */
export function useFileSize() {
  const { t } = useI18n();
  const format = useFormat();
  return (size: number): string => {
    if (size < 1024) return t('attachments.bytes', { n: format.value.decimal(size) });
    if (size < 1024 * 1024) return t('attachments.kilobytes', { n: format.value.decimal(Math.round(size / 102.4) / 10) });
    return t('attachments.megabytes', { n: format.value.decimal(Math.round(size / (1024 * 102.4)) / 10) });
  };
}
