// A page opened with a share or lesson link (`#p=`, `#l=`, `#preset=`, `#scenario=`, `#lesson=`) names its
// chain worker LINK_FIRST: the worker then opens nothing before the link's own sandbox, which the page loads
// first. The starter that vite.config.ts writes for the built site tests the same pattern.
export const LINK_FIRST = 'link-first';
export const LINK_FRAGMENT = /^#(?:[^&]*&)*(?:p|l|preset|scenario|lesson)=/;
