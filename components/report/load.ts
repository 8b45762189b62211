/** Where the panel and the popup get a structure report from: the frame that shows the form. */
import { sendMessage, sendToTab } from '@/utils/messaging';
import { listFiledInvoices } from '@/utils/guard/history';
import { PAGE_HOST_ADDRESS } from '@/utils/page-status/messages';
import { exportStructure, type StructureReport } from '@/utils/report/schema';
import type { PageConnection } from '@/utils/panel/connection';

/** 票据号码 filed earlier from this device (the duplicate warning needs them); none when the store is locked. */
async function filedNumbers(): Promise<string[]> {
  try {
    return (await sendMessage(listFiledInvoices, {})).numbers;
  } catch {
    return [];
  }
}

/** The panel: its host frame, at its one-time address. */
export const reportFromPanel = (conn: PageConnection) => async (): Promise<StructureReport> => conn.call(exportStructure, { history: await filedNumbers() });

/** The popup: the frame of the tab that hosts the helper. */
export const reportFromTab = (tabId: number) => async (): Promise<StructureReport> => sendToTab(tabId, exportStructure, { history: await filedNumbers() }, PAGE_HOST_ADDRESS);
