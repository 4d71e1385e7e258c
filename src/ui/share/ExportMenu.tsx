import { useCallback, useRef, useState } from 'react';
import { perfettoTrace } from '../../model/perfetto';
import { getApp, loadTraceFile, traceFileOfRun, useApp } from '../../store';
import { shownTimeline } from '../timeline/exportHandle';
import { download, jsonBlob } from './download';
import { Popover } from './Popover';
import './share.css';

interface Item { id: string; label: string; hint: string; needsRun: boolean; save: () => void | Promise<void> }

const ITEMS: Item[] = [
  {
    id: 'trace-json', label: 'Trace (JSON)', needsRun: true,
    hint: 'The whole run as Loopscope trace JSON: open it here later to replay without running',
    save: () => download(jsonBlob(traceFileOfRun() ?? ''), 'loopscope-trace.json'),
  },
  {
    id: 'trace-perfetto', label: 'Trace for Perfetto', needsRun: true,
    hint: 'Chrome trace-event JSON: open it in ui.perfetto.dev or chrome://tracing (times in virtual µs)',
    save: () => download(jsonBlob(JSON.stringify(perfettoTrace(getApp().trace.events))), 'loopscope-perfetto.json'),
  },
  {
    id: 'timeline-svg', label: 'Timeline (SVG)', needsRun: true, hint: 'What the timeline shows, as a vector image',
    save: () => {
      const view = shownTimeline();
      if (view) download(new Blob([view.exportSvg()], { type: 'image/svg+xml' }), 'loopscope-timeline.svg');
    },
  },
  {
    id: 'timeline-png', label: 'Timeline (PNG)', needsRun: true, hint: 'What the timeline shows, as a picture',
    save: async () => {
      const png = await shownTimeline()?.exportPng();
      if (png) download(png, 'loopscope-timeline.png');
    },
  },
  {
    id: 'program', label: 'Program (.py)', needsRun: false, hint: 'The editor’s text as a Python file',
    save: () => download(new Blob([getApp().source], { type: 'text/x-python' }), 'main.py'),
  },
];

/** Export: the run, the timeline and the program as files; and opening a saved trace. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const hasRun = useApp((s) => s.summary !== null && s.traceLength > 0);
  const picker = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    loadTraceFile(await file.text());
    close();
  };
  return (
    <span className="popover-anchor">
      <button type="button" data-testid="export" aria-expanded={open} onClick={() => setOpen(!open)}
        title="Save the trace, the timeline or the program; open a saved trace">
        Export
      </button>
      {open && (
        <Popover label="Export" onClose={close} testId="export-menu">
          <ul className="export-list">
            {ITEMS.map((item) => (
              <li key={item.id}>
                <button type="button" data-testid={`export-${item.id}`} disabled={item.needsRun && !hasRun} title={item.hint}
                  onClick={() => void item.save()}>
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="import" data-testid="import-trace" onClick={() => picker.current?.click()}
            title="Replay a trace saved from Loopscope or by `loopscope run --trace`, without running it">
            Open a saved trace…
          </button>
          <input ref={picker} type="file" accept=".json,application/json" hidden data-testid="import-file"
            onChange={(e) => void openFile(e.target.files?.[0])} />
        </Popover>
      )}
    </span>
  );
}
