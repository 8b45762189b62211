/**
 * Keyboard shortcuts (manifest `commands`, wxt.config.ts): the background turns a command into a
 * `panel/action` for the helper's panel in the tab the shortcut was pressed in.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import { panelAction, type PanelAction } from './messages';

/** Command name → what the panel does. */
export const COMMANDS: Record<string, PanelAction> = { autofill: 'autofill' };

/** Ask the panel in `tabId` to act; false when no helper panel is in that tab. */
export async function askPanel(tabId: number, action: PanelAction): Promise<{ started: boolean; reason?: string }> {
  try {
    return await sendMessage(panelAction, { tabId, action }, String(tabId));
  } catch {
    return { started: false, reason: 'no-panel' };
  }
}

export function registerShortcuts(): void {
  if (!browser.commands?.onCommand) return;
  browser.commands.onCommand.addListener(async (command: string, tab?: { id?: number }) => {
    const action = COMMANDS[command];
    if (!action) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    if (tabId !== undefined) await askPanel(tabId, action);
  });
}
