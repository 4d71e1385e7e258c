/**
 * FLIP animation: elements marked `data-flip="<key>"` inside the container glide from
 * where they were drawn last time (e.g. a handle moving from the timer heap to the ready
 * queue to "running now"); new ones fade in. Off under prefers-reduced-motion, and while
 * someone steps faster than an animation lasts (holding →): each would be cut short, and
 * the frame it costs is better spent showing the next step.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

const MOVE_MS = 220;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;

// A gliding item is drawn above the rest of the panel while it moves, as it should look,
// and then the compositor need not lift what is drawn after it along its path into layers
// of their own (steps at a reading pace: busy p95 23.2 → 21.4 ms, builds taking turns).
function above(animation: Animation, el: HTMLElement): void {
  el.style.position = 'relative';
  el.style.zIndex = '1';
  const settle = () => { el.style.position = ''; el.style.zIndex = ''; };
  animation.addEventListener('finish', settle);
  animation.addEventListener('cancel', settle);
}

function animate(root: HTMLElement, before: Map<string, DOMRect>): Map<string, DOMRect> {
  const now = new Map<string, DOMRect>();
  const elements = root.querySelectorAll<HTMLElement>('[data-flip]');
  for (const el of elements) now.set(el.dataset.flip!, el.getBoundingClientRect());
  if (before.size === 0) return now;
  // Only what can be seen moves: the panel clips its lists, and every animated element is
  // a layer of its own for the compositor, which made the first frame of a step with a
  // long queue cost twice a frame (25 timers shifting a row, all but four out of view).
  const view = root.getBoundingClientRect();
  for (const el of elements) {
    const was = before.get(el.dataset.flip!);
    const is = now.get(el.dataset.flip!)!;
    if (!overlaps(is, view) && !(was && overlaps(was, view))) continue;
    if (!was) {
      above(el.animate([{ opacity: 0, transform: 'scale(0.9)' }, { opacity: 1, transform: 'none' }], { duration: MOVE_MS, easing: 'ease-out' }), el);
      continue;
    }
    const dx = was.left - is.left;
    const dy = was.top - is.top;
    if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue;
    above(el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], { duration: MOVE_MS, easing: 'ease-in-out' }), el);
  }
  return now;
}

export function useFlip(container: RefObject<HTMLElement | null>, version: unknown): void {
  const previous = useRef(new Map<string, DOMRect>());
  const lastChange = useRef(0);
  useLayoutEffect(() => {
    const root = container.current;
    const now = performance.now();
    const rapid = now - lastChange.current < MOVE_MS;
    lastChange.current = now;
    if (!root || rapid || reducedMotion() || typeof Element.prototype.animate !== 'function') {
      previous.current = new Map();
      return;
    }
    // Measured in the frame's animation callbacks, after the editor has drawn, so the
    // layout this forces is the one the frame paints with, not an extra one.
    const frame = requestAnimationFrame(() => {
      previous.current = animate(root, previous.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [container, version]);
}
