/**
 * The messages of each language, one file per section (`ko/tasks.json` is `tasks.*`), so that
 * features add their own sections without touching a shared file.
 */
type Messages = Record<string, unknown>;

function bySection(files: Record<string, unknown>): Messages {
  const messages: Messages = {};
  for (const [path, content] of Object.entries(files)) {
    const section = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    messages[section] = (content as { default: unknown }).default;
  }
  return messages;
}

export const ko = bySection(import.meta.glob('./ko/*.json', { eager: true }));
export const en = bySection(import.meta.glob('./en/*.json', { eager: true }));
