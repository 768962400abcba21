// npm run images: builds the session images the page starts from (src/engine/images/): the default session
// and each lesson's starting sandbox, their index (src/engine/prebuilt-index.json) and a first visit's first
// screen, taken from the default (src/engine/first-screen.json); and each preset's deployment
// (src/engine/images/templates/, engine/template-images.ts), which a load that must deploy clones instead. So
// a first visit, a lesson and a link built on either are live without deploying the contracts or replaying in
// the page. A test rebuilds them and fails when they drift from the contracts, the preset or the lessons.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildPrebuiltImages } from '../engine/default-image.ts';
import { presetTemplateImages, TEMPLATE_PRESETS } from '../protocol/boot.ts';
import { buildFirstScreen } from '../engine/first-screen-build.ts';

const dir = new URL('../engine/images/', import.meta.url);
const { files, index } = await buildPrebuiltImages();
// An image whose scenario is gone (a lesson renamed or removed) must not linger in the build.
for (const old of readdirSync(dir)) if (old.endsWith('.json') && !files.has(old)) rmSync(new URL(old, dir));
for (const [name, image] of files) {
  writeFileSync(new URL(name, dir), `${JSON.stringify(image)}\n`);
  console.log(`wrote src/engine/images/${name} (${image.chain.entries.length} trie entries)`);
}
writeFileSync(
  new URL('../engine/prebuilt-index.json', import.meta.url),
  `${JSON.stringify(index, null, 2)}\n`,
);
const playground = files.get('playground.json');
if (playground === undefined) throw new Error('no playground image was built');
writeFileSync(
  new URL('../engine/first-screen.json', import.meta.url),
  `${JSON.stringify(await buildFirstScreen(playground, index.build))}\n`,
);
console.log('wrote src/engine/first-screen.json');
const templates = await presetTemplateImages();
templates.forEach((t, i) => {
  const name = `templates/${TEMPLATE_PRESETS[i]!}.json`; // where engine/template-images.ts finds it
  writeFileSync(new URL(name, dir), `${JSON.stringify(t)}\n`);
  console.log(`wrote src/engine/images/${name} (${t.chain.entries.length} trie entries)`);
});
