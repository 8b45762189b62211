import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import '@/components/guidance/guidance.css';
import './panel.css';

render(<Panel />, document.getElementById('app')!);
