// The parts of the screen that are not in its first picture, each loaded as a chunk of its own. The page's
// first bundle then holds only what the first screen draws (the top bar, the stage and its stake flow), so
// it arrives and evaluates sooner; the rest is fetched while the chain worker starts, or when first shown.
import type { Component } from 'svelte';

/**
 * `load` run once, its promise shared by every caller (a failed load is forgotten, so the next call tries
 * again instead of failing for the rest of the visit).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    }));
}

/** A lazily loaded Svelte component, as `{#await}` blocks and state take it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller's props are checked where it renders it
type AnyComponent = Component<any>;
const component = <C extends AnyComponent>(load: () => Promise<{ default: C }>) =>
  once(() => load().then((m) => m.default));

/** Act and History beside the stage: asked for as the page starts, drawn a frame after the first flow. */
export const sidePanels = once(async () => {
  const [actions, time, history] = await Promise.all([
    import('./actions/ActionPanel.svelte'),
    import('./time/TimeControl.svelte'),
    import('./history/History.svelte'),
  ]);
  return { ActionPanel: actions.default, TimeControl: time.default, History: history.default };
});

/** The lesson's panel, asked for together with the lesson code. */
export const lessonPanel = component(() => import('./lessons/LessonPanel.svelte'));
export const lessonPicker = component(() => import('./lessons/LessonPicker.svelte'));
export const startScreen = component(() => import('./shell/StartScreen.svelte'));

/** The stage's tabs other than the stake flow, loaded when first opened. */
export const stageTabs = {
  Charts: component(() => import('./charts/Charts.svelte')),
  Inspector: component(() => import('./inspector/Inspector.svelte')),
  Transactions: component(() => import('./txlog/TxLog.svelte')),
  Compare: component(() => import('./compare/Compare.svelte')),
  Analyzer: component(() => import('./analyzer/Analyzer.svelte')),
};
