import type { PageInfo } from '@/utils/detect/page';
import type { Claim } from '@/utils/content/claim';
import type { Hub } from '@/utils/content/hub';

/** What every feature of the portal content script gets: nothing mutable is shared beyond these. */
export interface PortalContext {
  doc: Document;
  /** The page detector's current verdict. */
  page(): PageInfo | null;
  /** What the panel told this frame about the claim (people, recognised invoices). */
  claim: Claim;
  /** Messages from the panel. */
  hub: Hub;
  /** False once this content script is stale (the extension was updated or removed): everything steps aside. */
  alive(): boolean;
  /** The extension URL of a packaged file. */
  url(path: string): string;
}
