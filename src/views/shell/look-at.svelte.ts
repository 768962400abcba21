// "Look at X": a lesson step names a place on screen, and the views take the learner there. The lesson panel
// posts a request here; the stage switches to its tab, and the view it names (the Inspector opens the section
// and the card, the Flow marks the actor) takes the request once, scrolls to the place and highlights it.
import type { LookAt } from '../../engine/lesson-kit.ts';

export interface LookRequest extends LookAt {
  /** Grows with every request, so pressing the same control twice looks again. */
  seq: number;
}

export const look = $state<{ request: LookRequest | null }>({ request: null });
let seq = 0;

export function lookAt(target: LookAt): void {
  seq += 1;
  look.request = { ...target, seq };
}

/** The pending request for `view`, taken: a view that mounts later does not replay it. */
export function takeRequest(view: LookAt['view']): LookRequest | null {
  const r = look.request;
  if (r === null || r.view !== view) return null;
  look.request = null;
  return r;
}

/** How long a looked-at place stays highlighted. */
export const HIGHLIGHT_MS = 2400;

/** Scrolls an element into view (centred, respecting reduced motion) and highlights it for a moment. */
export function showPlace(el: Element | null): void {
  if (el === null) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  el.classList.add('looked-at');
  setTimeout(() => el.classList.remove('looked-at'), HIGHLIGHT_MS);
}
