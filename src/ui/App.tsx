import { useApp } from '../store';
import { Controls } from './controls/Controls';
import { EmbedApp } from './embed/EmbedApp';
import { Header } from './header/Header';
import { useKeyboard } from './keyboard';
import { Narration } from './narration/Narration';
import { ShortcutSheet, usePrefs, useThemeOnRoot } from './presentation';
import { LinkNotice } from './share/LinkNotice';
import { Workspace } from './layout/Workspace';
import './layout/layout.css';

export function App() {
  useKeyboard();
  useThemeOnRoot();
  const embedded = useApp((s) => s.embed !== null);
  const presentation = usePrefs((s) => s.presentation);
  if (embedded) return <EmbedApp />;
  return (
    <div className={presentation ? 'app presentation' : 'app'}>
      <Header />
      <Controls />
      <Narration />
      <LinkNotice />
      <Workspace />
      <ShortcutSheet />
    </div>
  );
}
