import type { ReactNode } from 'react';
import { revealLine } from '../../store';

// `File "main.py", line 12, in brew` — the program's own frames are clickable.
const FRAME = /(File "main\.py", line )(\d+)/g;

/** stderr text with the program's line references as links to the editor. */
export function Traceback({ text }: { text: string }) {
  const body = text.replace(/\n$/, '');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(FRAME)) {
    const at = match.index;
    const line = Number(match[2]);
    parts.push(body.slice(last, at) + match[1]);
    parts.push(<button key={at} type="button" className="link" onClick={() => revealLine(line)}>{match[2]}</button>);
    last = at + match[0].length;
  }
  parts.push(body.slice(last));
  return <span className="console-text">{parts}</span>;
}
