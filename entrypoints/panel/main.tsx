import { render } from 'preact';
import { Panel } from '@/components/panel/Panel';
import './panel.css';

render(<Panel />, document.getElementById('app')!);
