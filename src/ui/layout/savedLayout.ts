/**
 * Where the workspace's panel sizes are kept: one saved layout per group and per mode
 * (presentation mode has its own), in localStorage through react-resizable-panels'
 * useDefaultLayout. A folded panel is saved as its folded size, so it comes back folded.
 */
import { useEffect, useRef } from 'react';
import { useDefaultLayout, useGroupRef, type Layout, type LayoutStorage } from 'react-resizable-panels';

export type LayoutMode = 'normal' | 'presentation';
/** The nested groups: the timeline below the rest; the editor beside the side column; the
 * console below the loop and tasks; the loop beside the tasks. */
export type GroupName = 'workspace' | 'upper' | 'side' | 'state';

// First sizes (percent of the group): the proportions of the fixed grid this replaced.
const FIRST_SIZES: Record<LayoutMode, Record<GroupName, Layout>> = {
  normal: {
    workspace: { 'pane-upper': 65, 'pane-timeline': 35 },
    upper: { 'pane-editor': 41, 'pane-side': 59 },
    side: { 'pane-state': 62, 'pane-console': 38 },
    state: { 'pane-loop': 46, 'pane-tasks': 54 },
  },
  // The projector shows the editor and the loop side by side, the timeline below.
  presentation: {
    workspace: { 'pane-upper': 64, 'pane-timeline': 36 },
    upper: { 'pane-editor': 56, 'pane-side': 44 },
    side: { 'pane-state': 100 },
    state: { 'pane-loop': 100 },
  },
};

export function firstSize(mode: LayoutMode, group: GroupName, pane: string): string {
  return String(FIRST_SIZES[mode][group][pane] ?? 50);
}

// Storage refused (private windows, a sandboxed iframe): sizes then last for the visit.
const layoutStorage: LayoutStorage = {
  getItem: (key) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  setItem: (key, value) => {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Full or refused: the layout still holds until the page goes.
    }
  },
};

const shownGroups = new Map<GroupName, { reset(): void }>();

/** The props a workspace group needs to start from, and save to, its layout for this mode. */
export function useSavedLayout(group: GroupName, mode: LayoutMode) {
  const id = `layout-${mode}-${group}`;
  const groupRef = useGroupRef();
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id, storage: layoutStorage });
  // A group that is already there when the mode changes keeps its sizes (the library reads
  // defaultLayout once, at mount): give it the new mode's saved ones.
  const shownMode = useRef(mode);
  useEffect(() => {
    if (shownMode.current === mode) return;
    shownMode.current = mode;
    groupRef.current?.setLayout(defaultLayout ?? FIRST_SIZES[mode][group]);
  }, [mode, group, groupRef, defaultLayout]);
  useEffect(() => {
    shownGroups.set(group, { reset: () => groupRef.current?.setLayout(FIRST_SIZES[mode][group]) });
    return () => {
      shownGroups.delete(group);
    };
  }, [group, mode, groupRef]);
  return { id, groupRef, defaultLayout, onLayoutChanged };
}

/** Every panel back at its first size and unfolded (the new sizes are saved as usual). */
export function resetLayout(): void {
  for (const group of shownGroups.values()) group.reset();
}
