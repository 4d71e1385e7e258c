/** Transport icons as inline SVG: symbol glyphs like ⏮ are missing from many system fonts. */
const PATHS = {
  start: 'M3 2h2v12H3zM14 2v12L6 8z',
  back: 'M12 2v12L4 8z',
  play: 'M4 2l10 6-10 6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  forward: 'M4 2v12l8-6z',
  end: 'M2 2v12l8-6zM11 2h2v12h-2z',
  breakpoint: 'M1 3l6 5-6 5zM12 8a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0z',
  stop: 'M3 3h10v10H3z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
