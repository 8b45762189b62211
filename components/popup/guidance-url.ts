import { browser } from 'wxt/browser';
import { situationToQuery, type Situation } from '@/utils/checklist';

/** The printable 「能不能报，要拍哪些照片」 page, opened with the situation when it is known. */
export function guidanceUrl(situation: Situation | null): string {
  return browser.runtime.getURL(`/guidance.html${situation ? `?${situationToQuery(situation)}` : ''}`);
}
