// First: start the chain worker, so its script loads while the rest of this bundle is evaluated.
import './worker-start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
export default mount(App, { target });

// The installable offline build: the service worker (generated at build time, see vite.config.ts) caches
// every file of the site. Not in development, where files change under it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.warn('offline cache unavailable:', e));
  });
}
