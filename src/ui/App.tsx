import { ConsolePanel } from './console/ConsolePanel';
import { Controls } from './controls/Controls';
import { EditorPanel } from './editor/EditorPanel';
import { Header } from './header/Header';
import { useKeyboard } from './keyboard';
import { LoopPanel } from './loop/LoopPanel';
import { Narration } from './narration/Narration';
import { TaskPanel } from './tasks/TaskPanel';
import { TimelinePanel } from './timeline/TimelinePanel';
import './layout/layout.css';

export function App() {
  useKeyboard();
  return (
    <div className="app">
      <Header />
      <Controls />
      <Narration />
      <main className="workspace">
        <EditorPanel />
        <LoopPanel />
        <TaskPanel />
        <ConsolePanel />
        <TimelinePanel />
      </main>
    </div>
  );
}
