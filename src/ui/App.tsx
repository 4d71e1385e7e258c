import { useApp } from '../store';
import { ConsolePanel } from './console/ConsolePanel';
import { Controls } from './controls/Controls';
import { EditorPanel } from './editor/EditorPanel';
import { EmbedApp } from './embed/EmbedApp';
import { Header } from './header/Header';
import { useKeyboard } from './keyboard';
import { LoopPanel } from './loop/LoopPanel';
import { Narration } from './narration/Narration';
import { ShortcutSheet, usePrefs, useThemeOnRoot } from './presentation';
import { LinkNotice } from './share/LinkNotice';
import { TaskPanel } from './tasks/TaskPanel';
import { TimelinePanel } from './timeline/TimelinePanel';
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
      <main className="workspace">
        <EditorPanel />
        <LoopPanel />
        <TaskPanel />
        <ConsolePanel />
        <TimelinePanel />
      </main>
      <ShortcutSheet />
    </div>
  );
}
