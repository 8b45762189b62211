/**
 * The application id the page shows, for the drafts' key: what the page offers (its text, hidden inputs, URL)
 * handed to the pure reader utils/page/application-id.ts. Used by the panel's `panel/application-id` answer
 * (invoice drafts) and by the form capture (form drafts): one reading, one key.
 */
import { applicationIdOf } from '@/utils/page/application-id';

export function applicationIdIn(doc: Document): string {
  return applicationIdOf({
    url: doc.location?.href ?? '',
    texts: (doc.body?.innerText ?? '').split('\n').slice(0, 3000),
    attributes: [...doc.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')].map((e) => ({ name: e.name, value: e.value })),
  });
}
