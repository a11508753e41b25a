/**
 * A start-up failure the person starting the hub can fix: its message is one sentence with the
 * cause and the fix, printed as it is (no stack trace). main.ts prints it and exits non-zero.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** One line a person can read, for an error that was not foreseen (never a stack trace). */
export function startupFailureSentence(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  return `EcoHub could not start: ${firstLine.trim()}. Fix the cause above, or set LOG_LEVEL=debug for details.`;
}
