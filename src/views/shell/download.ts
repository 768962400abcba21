// Saving a file from the page: exports, and the records of kept sandboxes.
export function downloadText(name: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadJson(name: string, data: unknown): void {
  downloadText(name, JSON.stringify(data, null, 2) + '\n');
}
