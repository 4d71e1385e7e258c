/**
 * A thread's name for its lane label, where the column has room for about 14 characters.
 * Executor workers differ only at the end (ThreadPoolExecutor-0_0, -0_1, …), which an
 * ellipsis at the end would cut off: those keep their number and lose the middle. Other
 * long names are left to the label's own ellipsis at the end. The full name is in the title.
 */
export function shortLaneName(id: string, room = 14): string {
  if (id.length <= room) return id;
  const dash = id.lastIndexOf('-');
  const tail = dash > 0 ? id.slice(dash) : '';
  if (tail.length === 0 || tail.length > 6) return id;
  return `${id.slice(0, room - 1 - tail.length)}…${tail}`;
}
