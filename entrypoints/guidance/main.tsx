import { render } from 'preact';
import { GuidancePage } from '@/components/guidance/GuidancePage';
import '@/components/guidance/guidance.css';
import './guidance-page.css';

render(<GuidancePage />, document.getElementById('app')!);
