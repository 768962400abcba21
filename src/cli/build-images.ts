// npm run images: builds the session images the page starts from (src/engine/images/), so a first visit
// is live without deploying the contracts or replaying the default scenario. A test rebuilds them and fails
// when they drift from the contracts or the preset.
import { writeFileSync } from 'node:fs';
import { buildDefaultImage, DEFAULT_IMAGE_FILE } from '../engine/default-image.ts';

const image = await buildDefaultImage();
writeFileSync(
  new URL(`../engine/images/${DEFAULT_IMAGE_FILE}`, import.meta.url),
  `${JSON.stringify(image)}\n`,
);
console.log(`wrote src/engine/images/${DEFAULT_IMAGE_FILE} (${image.chain.entries.length} trie entries)`);
