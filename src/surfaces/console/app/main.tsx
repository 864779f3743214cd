import { render } from 'preact';
import './styles.css';
import { App } from './app.tsx';
import { restoreSession } from './session.ts';

void restoreSession();
render(<App />, document.getElementById('app')!);
