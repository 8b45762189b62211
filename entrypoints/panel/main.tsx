import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import '@/components/guidance/guidance.css';
import { onSessionEnded } from '@/utils/drafts/session-end';
import { invoiceStore } from '@/utils/invoice-ui/store';
import './panel.css';

// 结束本次服务 (in the options page): forget everything of the session — nothing pending is saved — and start afresh.
onSessionEnded(() => {
  invoiceStore.reset();
  location.reload();
});

render(<Panel />, document.getElementById('app')!);
