// Light, dark or the system's choice, kept across visits. The palette itself is in app.css.
const KEY = 'restaking-sandbox/theme';

export function savedTheme(): string {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'auto';
  } catch {
    return 'auto';
  }
}

export function applyTheme(theme: string): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset['theme'] = theme;
  else delete root.dataset['theme'];
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be disabled; the theme then lasts for this visit only.
  }
}
