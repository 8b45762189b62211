import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/guidance/guidance.css';
import './popup.css';

render(<Popup />, document.getElementById('app')!);
