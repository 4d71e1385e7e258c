import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectEngine, embedFromSearch, initEditor, openLink, useApp } from './store';
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

const embed = embedFromSearch(location.search);
useApp.setState({ embed });
// An embed saves nothing: a slide must not overwrite the text a reader keeps in the app.
initEditor({ hash: location.hash, storage: embed ? null : localStore(), fallback: DEFAULT_EXAMPLE });
connectEngine();

// A versioned link runs its scenario and lands on its step. Once read (and saved, the
// program being in the editor), the fragment goes, so a reload keeps later edits; an
// embed keeps it, for a reload of the slide shows the same thing.
async function openFromHash(): Promise<void> {
  const hash = location.hash;
  await openLink(hash);
  if (!embed && hash !== '' && location.hash === hash) history.replaceState(null, '', location.pathname + location.search);
}
void openFromHash();
// A link pasted into the address bar of an open app changes only the fragment.
window.addEventListener('hashchange', () => void openFromHash());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
