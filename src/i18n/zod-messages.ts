// zod's own messages (in schema problems) in the output language. zod's setting is global: the one
// place that changes it, so that a process running the CLI more than once (a test host) goes back too.
import type { Lang } from './locale.js';

let current: Lang = 'en';

export async function zodMessagesIn(lang: Lang): Promise<void> {
  if (lang === current) return;
  const [{ config }, locale] = await Promise.all([import('zod'), lang === 'fr' ? import('zod/v4/locales/fr.js') : import('zod/v4/locales/en.js')]);
  config(locale.default());
  current = lang;
}
