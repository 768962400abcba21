// First: start the chain worker, so its script loads while the rest of this bundle is evaluated.
import './worker-start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
export default mount(App, { target });

// The installable offline build: the service worker (generated at build time, see vite.config.ts) caches
// every file of the site. Not in development, where files change under it. Its install downloads every file
// (all the lessons' images too), so it waits until the sandbox is on screen and the page is idle: on a first
// visit it would otherwise compete with the chain worker for the network and the processor.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  afterReady(() => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.warn('offline cache unavailable:', e));
  });
}

/** Runs `then` once, when the page is idle after the sandbox is first drawn (or 20 s after load at the latest). */
function afterReady(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    if ('requestIdleCallback' in window) requestIdleCallback(then, { timeout: 5_000 });
    else setTimeout(then, 1_000);
  };
  // Stage.svelte marks `sandbox-ready` when the first stake flow is drawn.
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('sandbox-ready').length > 0) once();
  });
  observer.observe({ type: 'mark', buffered: true });
  window.addEventListener('load', () => setTimeout(once, 20_000));
}
