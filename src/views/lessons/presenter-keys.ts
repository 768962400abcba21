// The keys a presenter's clicker sends (Page Down / Page Up, sometimes the arrows or the space bar), read as
// moves through the lesson. Keys typed into a field, or arrows that move between tabs, stay theirs.

export type PresenterMove = 'forward' | 'back' | null;

const FORWARD = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ']);
const BACK = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

export function presenterMove(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  target: Pick<Element, 'closest'> | null,
): PresenterMove {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (target?.closest('input, textarea, select, [contenteditable], [role="tablist"], [role="slider"]'))
    return null;
  // A focused button keeps the space bar (it presses the button).
  if (e.key === ' ' && target?.closest('button, a, summary')) return null;
  if (FORWARD.has(e.key)) return 'forward';
  if (BACK.has(e.key)) return 'back';
  return null;
}
