import { createContext, useContext, useState, type ReactNode } from 'react';
import { Panel, usePanelRef } from 'react-resizable-panels';
import { useT, type MessageKey } from '../../i18n';

/** The workspace's five panels, by the name their layout is saved under. */
export type PaneName = 'editor' | 'loop' | 'tasks' | 'console' | 'timeline';

const TITLES: Record<PaneName, MessageKey> = {
  editor: 'editor.title',
  loop: 'loop.title',
  tasks: 'tasks.title',
  console: 'console.title',
  timeline: 'timeline.title',
};

interface PaneControl {
  name: PaneName;
  collapsed: boolean;
  toggle(): void;
}

const PaneContext = createContext<PaneControl | null>(null);

// What stays of a folded panel: its header, as a bar (below others) or a strip (beside
// them). In em, so presentation mode's bigger type gets a bigger bar.
const FOLDED_BAR = '2.6em';
const FOLDED_STRIP = '2.6em';

interface PaneProps {
  name: PaneName;
  /** Beside its neighbours (a horizontal group): folds to a vertical strip. */
  beside: boolean;
  defaultSize: string;
  minSize: string;
  /** False where the panel is alone in its group and has nothing to give its room to. */
  foldable?: boolean;
  children: ReactNode;
}

/**
 * One resizable panel of the workspace that folds down to its header. The panel inside
 * finds its fold button through PaneContext, so the same panel outside a Pane (an embed)
 * simply has none.
 */
export function Pane({ name, beside, defaultSize, minSize, foldable = true, children }: PaneProps) {
  const handle = usePanelRef();
  const [collapsed, setCollapsed] = useState(false);
  // A new object only when Pane renders: when it folds or unfolds, or the mode changes.
  const control: PaneControl = {
    name,
    collapsed,
    toggle: () => {
      const panel = handle.current;
      if (!panel) return;
      if (panel.isCollapsed()) panel.expand();
      else panel.collapse();
    },
  };
  return (
    <Panel id={`pane-${name}`} data-testid={`pane-${name}`} panelRef={handle} style={{ overflow: 'hidden' }}
      collapsible={foldable} defaultSize={defaultSize} minSize={minSize}
      collapsedSize={beside ? FOLDED_STRIP : FOLDED_BAR}
      className={`pane pane-${beside ? 'beside' : 'below'}${collapsed ? ' folded' : ''}`}
      onResize={() => setCollapsed(handle.current?.isCollapsed() ?? false)}>
      <PaneContext value={foldable ? control : null}>{children}</PaneContext>
    </Panel>
  );
}

/** The fold / unfold button at the start of a panel's header; nothing outside a Pane. */
export function FoldButton() {
  const pane = useContext(PaneContext);
  const t = useT();
  if (!pane) return null;
  const label = t(pane.collapsed ? 'panels.unfold' : 'panels.fold', { panel: t(TITLES[pane.name]) });
  return (
    <button type="button" className="fold-button" data-testid={`fold-${pane.name}`} onClick={pane.toggle}
      aria-expanded={!pane.collapsed} aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" width="0.9em" height="0.9em" aria-hidden="true" focusable="false">
        <path d="M3 5l5 6 5-6z" fill="currentColor" />
      </svg>
    </button>
  );
}
