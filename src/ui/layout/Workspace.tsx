import { Group, Panel, Separator } from 'react-resizable-panels';
import { useT, type MessageKey } from '../../i18n';
import { ConsolePanel } from '../console/ConsolePanel';
import { EditorPanel } from '../editor/EditorPanel';
import { LoopPanel } from '../loop/LoopPanel';
import { usePrefs } from '../presentation';
import { TaskPanel } from '../tasks/TaskPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { Pane } from './Pane';
import { firstSize, useSavedLayout, type LayoutMode } from './savedLayout';
import './workspace.css';

/** A bar between two panels: drag it, or focus it and use the arrow keys (Enter folds). */
function Between({ label }: { label: MessageKey }) {
  const t = useT();
  return <Separator className="between" aria-label={t(label)} data-testid={`between-${label.split('.').pop()}`} />;
}

/**
 * The main screen's panels in nested resizable groups: the timeline below everything; the
 * editor beside the side column; the console below the loop and the tasks. Presentation
 * mode shows the editor, the loop and the timeline, with sizes of its own. The panels stay
 * mounted across the switch (same places in the tree), so Monaco keeps its undo history.
 */
export function Workspace() {
  const presentation = usePrefs((s) => s.presentation);
  const mode: LayoutMode = presentation ? 'presentation' : 'normal';
  const workspace = useSavedLayout('workspace', mode);
  const upper = useSavedLayout('upper', mode);
  const side = useSavedLayout('side', mode);
  const state = useSavedLayout('state', mode);
  return (
    <main className="workspace">
      <Group orientation="vertical" {...workspace}>
        <Panel id="pane-upper" defaultSize={firstSize(mode, 'workspace', 'pane-upper')} minSize="6em" style={{ overflow: 'hidden' }}>
          <Group orientation="horizontal" {...upper}>
            <Pane name="editor" beside defaultSize={firstSize(mode, 'upper', 'pane-editor')} minSize="14em">
              <EditorPanel />
            </Pane>
            <Between label="panels.between.editor" />
            <Panel id="pane-side" defaultSize={firstSize(mode, 'upper', 'pane-side')} minSize="12em" style={{ overflow: 'hidden' }}>
              <Group orientation="vertical" {...side}>
                <Panel id="pane-state" defaultSize={firstSize(mode, 'side', 'pane-state')} minSize="5em" style={{ overflow: 'hidden' }}>
                  <Group orientation="horizontal" {...state}>
                    <Pane name="loop" beside foldable={!presentation} defaultSize={firstSize(mode, 'state', 'pane-loop')} minSize="10em">
                      <LoopPanel />
                    </Pane>
                    {!presentation && <Between label="panels.between.tasks" />}
                    {!presentation && (
                      <Pane name="tasks" beside defaultSize={firstSize(mode, 'state', 'pane-tasks')} minSize="10em">
                        <TaskPanel />
                      </Pane>
                    )}
                  </Group>
                </Panel>
                {!presentation && <Between label="panels.between.console" />}
                {!presentation && (
                  <Pane name="console" beside={false} defaultSize={firstSize(mode, 'side', 'pane-console')} minSize="5em">
                    <ConsolePanel />
                  </Pane>
                )}
              </Group>
            </Panel>
          </Group>
        </Panel>
        <Between label="panels.between.timeline" />
        <Pane name="timeline" beside={false} defaultSize={firstSize(mode, 'workspace', 'pane-timeline')} minSize="7em">
          <TimelinePanel />
        </Pane>
      </Group>
    </main>
  );
}
