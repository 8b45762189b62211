import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import './popup.css';

render(<Popup />, document.getElementById('app')!);
