// The store's keys of the lesson editor, apart from its code: the page asks whether a draft is waiting
// before it loads the editor (a chunk of its own, loaded when first used).

/** The draft being written. */
export const DRAFT_KEY = 'lesson-draft';
/** The custom lesson a learner is playing (for resuming). */
export const CUSTOM_LESSON_KEY = 'custom-lesson';
