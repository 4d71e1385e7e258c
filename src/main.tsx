import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectEngine, initEditor } from './store';
import { App } from './ui/App';
import { DEFAULT_EXAMPLE } from './ui/examples';
import './ui/theme.css';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// The link's program is now saved; dropping the fragment lets a reload keep later edits.
if (initEditor({ hash: location.hash, storage: localStore(), fallback: DEFAULT_EXAMPLE })) {
  history.replaceState(null, '', location.pathname + location.search);
}
connectEngine();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
