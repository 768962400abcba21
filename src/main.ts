// First: start the chain worker, so its script loads while the rest of this bundle is evaluated.
import './worker-start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
export default mount(App, { target });

// The installable offline build: the service worker (generated at build time, see vite.config.ts) caches
// every file of the site. Not in development, where files change under it. Installing it fetches every file
// and compiles each script for the code cache (about a second of CPU in Chromium), so it waits until the
// sandbox is on screen and a few seconds more: a first visit's first moves do not share the machine with it.
const OFFLINE_AFTER_READY_MS = 5000;
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.warn('offline cache unavailable:', e));
  const later = () => setTimeout(register, OFFLINE_AFTER_READY_MS);
  const root = document.documentElement;
  if (root.dataset['ready'] === 'true') later();
  else {
    const seen = new MutationObserver(() => {
      if (root.dataset['ready'] !== 'true') return;
      seen.disconnect();
      later();
    });
    seen.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  }
}
