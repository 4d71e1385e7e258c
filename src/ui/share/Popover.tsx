import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A small panel under its button that closes on Escape or a click elsewhere. Not a
 * modal: stepping keys still reach the page while it is open.
 */
export function Popover({ label, onClose, children, testId }: {
  label: string; onClose: () => void; children: ReactNode; testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      // The wrapper holds the button too: its own click toggles instead.
      if (!box.current?.parentElement?.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return (
    <div ref={box} className="popover" role="dialog" aria-label={label} data-testid={testId}>
      {children}
    </div>
  );
}
