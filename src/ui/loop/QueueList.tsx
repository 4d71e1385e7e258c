/** A row (ready queue) or column (timer heap) of handles, capped so huge queues stay fast. */
import { memo } from 'react';
import { useT } from '../../i18n';

const MAX_SHOWN = 40;

export interface QueueItem {
  /** Stable across steps (the handle): React's key and the FLIP key. */
  id: string;
  colour: string;
  label: string;
  detail: string;
  badge: string;
  aside?: string;
}

export function QueueList({ items, testId, empty, vertical = false }: {
  items: QueueItem[]; testId: string; empty: string; vertical?: boolean;
}) {
  const shown = items.slice(0, MAX_SHOWN);
  const t = useT();
  return (
    <ol className={`queue ${vertical ? 'vertical' : 'horizontal'}`} data-testid={testId} data-count={items.length}>
      {items.length === 0 && <li className="queue-empty">{empty}</li>}
      {shown.map((item) => <Chip key={item.id} {...item} />)}
      {items.length > MAX_SHOWN && <li className="queue-more">{t('loop.more', { n: items.length - MAX_SHOWN })}</li>}
    </ol>
  );
}

const Chip = memo(function Chip({ id, colour, label, detail, badge, aside }: QueueItem) {
  return (
    <li data-flip={id} className={`chip ${colour}`} title={detail}>
      <span className="chip-badge">{badge}</span>
      <span className="chip-label">{label}</span>
      {aside && <span className="chip-aside">{aside}</span>}
    </li>
  );
});
