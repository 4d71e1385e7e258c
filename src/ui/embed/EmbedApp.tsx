import { runProgram, useApp } from '../../store';
import { Controls } from '../controls/Controls';
import { EditorPanel } from '../editor/EditorPanel';
import { RunOutcome } from '../header/Header';
import { Icon } from '../icons';
import { LoopPanel } from '../loop/LoopPanel';
import { Narration } from '../narration/Narration';
import { LinkNotice } from '../share/LinkNotice';
import { TimelinePanel } from '../timeline/TimelinePanel';
import './embed.css';

/**
 * `?embed=1`: for an iframe in a slide or a page. The program (read-only, or hidden with
 * `&editor=0`), the stepping controls, the loop and the timeline; nothing is saved.
 */
export function EmbedApp() {
  const showEditor = useApp((s) => s.embed?.editor ?? true);
  const ready = useApp((s) => s.engineStatus !== 'loading' && s.engineStatus !== 'failed');
  // The full app, at the same scenario: the fragment is the link.
  const full = `${location.origin}${location.pathname}${location.hash}`;
  return (
    <div className="app embed">
      <header className="embed-header">
        <img src="/favicon.svg" alt="" width="18" height="18" />
        <button type="button" data-testid="run" onClick={() => runProgram()} disabled={!ready} title="Run the program again from the start">
          <Icon name="play" /> Run
        </button>
        <RunOutcome />
        <a className="embed-open" href={full} target="_blank" rel="noopener noreferrer">Open in Loopscope ↗</a>
      </header>
      <Controls />
      <Narration />
      <LinkNotice />
      <main className={`workspace embed-workspace${showEditor ? '' : ' no-editor'}`}>
        {showEditor && <EditorPanel />}
        <LoopPanel />
        <TimelinePanel />
      </main>
    </div>
  );
}
