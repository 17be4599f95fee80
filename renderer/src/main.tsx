// First: the language is set before anything renders or formats.
import './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getTwinClient } from './api/client';
import { connectToBackend } from './connect';
import { bindMenuActions } from './menu-actions';
import { startPredictions } from './predictions/start';
import { startWhatIfPreviewSync } from './features/whatif/whatif-actions';

const client = getTwinClient();
connectToBackend(client);
bindMenuActions();
startPredictions();
startWhatIfPreviewSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
