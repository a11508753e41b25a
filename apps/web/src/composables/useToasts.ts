import { readonly, ref } from 'vue';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'warning' | 'danger';
  message: string;
}

const toasts = ref<Toast[]>([]);
let nextId = 1;

/** Short messages in a live region (e.g. "someone else moved this task first; we put it back"). */
export function useToasts() {
  function dismiss(id: number) {
    toasts.value = toasts.value.filter((toast) => toast.id !== id);
  }
  function show(message: string, tone: Toast['tone'] = 'info', durationMs = 6000) {
    const id = nextId++;
    toasts.value = [...toasts.value.slice(-3), { id, tone, message }];
    if (durationMs > 0) setTimeout(() => dismiss(id), durationMs);
    return id;
  }
  return { toasts: readonly(toasts), show, dismiss };
}
