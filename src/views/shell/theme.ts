// Light, dark, high contrast or the system's choice, kept across visits. The palettes are in app.css.
const KEY = 'restaking-sandbox/theme';

export function savedTheme(): string {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' || t === 'contrast' ? t : 'auto';
  } catch {
    return 'auto';
  }
}

export function applyTheme(theme: string): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark' || theme === 'contrast') root.dataset['theme'] = theme;
  else delete root.dataset['theme'];
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be disabled; the theme then lasts for this visit only.
  }
}
