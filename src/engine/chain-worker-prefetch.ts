// The chain worker's first import, so this runs before the rest of its code is evaluated (a few hundred
// milliseconds on a laptop): the image the page's first load will most likely restore, named in the worker's
// name (link-first.ts), is fetched meanwhile instead of after.
import { readWorkerName } from './link-first.ts';
import { prefetchPrebuilt } from './prebuilt-images.ts';

const { image } = readWorkerName(typeof self === 'undefined' ? '' : self.name);
if (image !== null) prefetchPrebuilt(image);
