// First: start the chain worker, so its script loads while the rest of this bundle is evaluated.
import './worker-start.ts';
// Then ask it for the first session, before the app's code is evaluated.
import './first-request.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
export default mount(App, { target });

// The installable offline build: the service worker (generated at build time, see vite.config.ts) caches
// every file of the site. Not in development, where files change under it. Its install fetches every file
// (all the lessons' images too) and compiles each script for the code cache, about a second of CPU in
// Chromium, so it waits until the sandbox is on screen, a few seconds more and an idle moment: a first
// visit's boot and first moves do not share the network and the processor with it.
const OFFLINE_AFTER_READY_MS = 5_000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  afterReady(() => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.warn('offline cache unavailable:', e));
  });
}

/**
 * Runs `then` once, in an idle moment OFFLINE_AFTER_READY_MS after the sandbox is first drawn (or 20 s after
 * the page's load at the latest, for a page whose sandbox never comes).
 */
function afterReady(then: () => void): void {
  let done = false;
  const once = (delay: number) => {
    if (done) return;
    done = true;
    observer.disconnect();
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(then, { timeout: 5_000 });
      else then();
    }, delay);
  };
  // Stage.svelte marks `sandbox-ready` when the first stake flow is drawn.
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('sandbox-ready').length > 0) once(OFFLINE_AFTER_READY_MS);
  });
  observer.observe({ type: 'mark', buffered: true });
  window.addEventListener('load', () => setTimeout(() => once(0), 20_000));
}
