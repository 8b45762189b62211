import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '@/utils/messaging';
import { getPageStatus, PAGE_HOST_ADDRESS, type PageStatus } from '@/utils/page-status/messages';
import { buildChecklist } from '@/utils/checklist';
import type { PageConnection } from '@/utils/panel/connection';
import { Checklist } from '@/components/guidance/Checklist';

/**
 * On 材料上传: the material checklist for the people and invoices of this claim, ticked off as the
 * page shows uploads (read through the page-status adapter, every second and a half).
 */
export function LiveChecklist({ page }: { page: PageConnection }) {
  const [status, setStatus] = useState<PageStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = async () => {
      try {
        const s = await sendToTab(page.tabId, getPageStatus, {}, PAGE_HOST_ADDRESS);
        if (!stopped) setStatus(s);
      } catch {
        /* the page is navigating */
      }
    };
    void read();
    const timer = setInterval(read, 1500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [page.tabId]);
  if (!status?.uploads) return null;
  return (
    <div class="card">
      <Checklist lines={buildChecklist(status.situation, status.uploads)} headingId="panel-checklist-title" />
    </div>
  );
}
