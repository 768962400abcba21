// The lesson editor and lesson files as one chunk, loaded when first used (App.svelte): recording a
// lesson, a draft to restore, a `#lf=` link or an imported lesson file. It holds the lesson-file schema and
// compiler and the Markdown preview, none of which the first screen needs.
export { LessonStudio } from './studio.svelte.ts';
export { default as LessonEditor } from './LessonEditor.svelte';
export { default as LessonOffer } from './LessonOffer.svelte';
