// The chain worker's name carries what the page knows before any of its own script has run, so the worker can
// act on it while the page is still loading:
// - `link-first`: the page was opened with a share or lesson link (`#p=`, `#l=`, `#preset=`, `#scenario=`,
//   `#lesson=`). The worker then opens nothing before the link's own sandbox, which the page loads first.
// - `image=<id>`: the prebuilt image the first load will most likely restore (the link's preset or lesson; the
//   playground on a first visit), so the worker fetches it while its own code is still being compiled instead
//   of after. Only a hint: a wrong one costs a fetch, never a different sandbox.
export const LINK_FIRST = 'link-first';

/**
 * The worker's name for a page whose fragment is `hash`. `firstVisit` is true when no service worker controls
 * the page yet (nothing was installed, so most likely nothing was saved either). It is self-contained on
 * purpose: vite.config.ts writes its source into the built page's first, inline script.
 */
export function chainWorkerName(hash: string, firstVisit: boolean): string {
  const link = /^#(?:[^&]*&)*(?:p|l|preset|scenario|lesson)=/.test(hash);
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lesson = params.get('lesson') ?? params.get('l');
  const preset = params.get('p') ?? params.get('preset');
  const image =
    lesson !== null
      ? `lesson-${lesson}`
      : preset !== null
        ? preset
        : !link && firstVisit
          ? 'playground'
          : null;
  const words = link ? ['link-first'] : [];
  // Only an id made of the characters images are named with: the name must never carry anything else.
  if (image !== null && /^[\w-]{1,80}$/.test(image)) words.push(`image=${image}`);
  return words.join(' ');
}

/** What a worker reads from its name (chainWorkerName, and BEHIND for a chain's worker started by another). */
export function readWorkerName(name: string): { linkFirst: boolean; image: string | null; behind: boolean } {
  const words = name.split(' ');
  const image = words.find((w) => w.startsWith('image='))?.slice('image='.length) ?? null;
  return { linkFirst: words.includes(LINK_FIRST), image, behind: words.includes(BEHIND) };
}

/**
 * Whether the page starts with the first screen's worker (chain-worker.ts), which answers a first visit before
 * the chain has loaded: no link, and no offline cache controls the page (the playground is the image hint).
 * Otherwise the page starts the chain's worker itself (chain-worker-core.ts). Self-contained, as above.
 */
export function startsWithFirstScreen(workerName: string): boolean {
  const words = workerName.split(' ');
  return !words.includes('link-first') && words.includes('image=playground');
}

/** The word the first screen's worker adds to the name of the chain's worker it starts behind itself. */
export const BEHIND = 'behind';
