/**
 * The popup's part of issue 6: invoices are read where they are filled — in the helper on the 发票信息 step —
 * so the popup only says where to go (one line for the popup to render: `<PopupInvoiceHint />`).
 */
import { t } from '@/utils/i18n';

export function PopupInvoiceHint() {
  return (
    <p class="hint" data-testid="popup-invoice-hint">
      {t('invoiceUiPopupHint')}
    </p>
  );
}
