import { useCallback, useRef, useState } from 'react';
import { perfettoTrace } from '../../model/perfetto';
import { getApp, loadTraceFile, traceFileOfRun, useApp } from '../../store';
import { shownTimeline } from '../timeline/exportHandle';
import { download, jsonBlob } from './download';
import { useT, type MessageKey } from '../../i18n';
import { Popover } from './Popover';
import './share.css';

interface Item { id: string; needsRun: boolean; save: () => void | Promise<void> }

const ITEMS: Item[] = [
  {
    id: 'trace-json', needsRun: true,
    save: () => download(jsonBlob(traceFileOfRun() ?? ''), 'loopscope-trace.json'),
  },
  {
    id: 'trace-perfetto', needsRun: true,
    save: () => download(jsonBlob(JSON.stringify(perfettoTrace(getApp().trace.events))), 'loopscope-perfetto.json'),
  },
  {
    id: 'timeline-svg', needsRun: true,
    save: () => {
      const view = shownTimeline();
      if (view) download(new Blob([view.exportSvg()], { type: 'image/svg+xml' }), 'loopscope-timeline.svg');
    },
  },
  {
    id: 'timeline-png', needsRun: true,
    save: async () => {
      const png = await shownTimeline()?.exportPng();
      if (png) download(png, 'loopscope-timeline.png');
    },
  },
  {
    id: 'program', needsRun: false,
    save: () => download(new Blob([getApp().source], { type: 'text/x-python' }), 'main.py'),
  },
];

/** Export: the run, the timeline and the program as files; and opening a saved trace. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const hasRun = useApp((s) => s.summary !== null && s.traceLength > 0);
  const picker = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const t = useT();
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    loadTraceFile(await file.text());
    close();
  };
  return (
    <span className="popover-anchor">
      <button type="button" data-testid="export" aria-expanded={open} onClick={() => setOpen(!open)}
        title={t('export.hint')}>
        {t('export.button')}
      </button>
      {open && (
        <Popover label={t('export.button')} onClose={close} testId="export-menu">
          <ul className="export-list">
            {ITEMS.map((item) => (
              <li key={item.id}>
                <button type="button" data-testid={`export-${item.id}`} disabled={item.needsRun && !hasRun} title={t(`export.${item.id}.hint` as MessageKey)}
                  onClick={() => void item.save()}>
                  {t(`export.${item.id}` as MessageKey)}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="import" data-testid="import-trace" onClick={() => picker.current?.click()}
            title={t('export.openHint')}>
            {t('export.open')}
          </button>
          <input ref={picker} type="file" accept=".json,application/json" hidden data-testid="import-file"
            onChange={(e) => void openFile(e.target.files?.[0])} />
        </Popover>
      )}
    </span>
  );
}
