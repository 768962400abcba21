import { describe, expect, it } from 'vitest';
import { renderProse } from './prose.ts';

describe('the prose preview', () => {
  it('renders Markdown', () => {
    expect(renderProse('Stake **4 ETH**.')).toEqual({
      ok: true,
      html: '<p>Stake <strong>4 ETH</strong>.</p>\n',
    });
  });

  it('refuses raw HTML, block or inline, and shows none of it', () => {
    for (const text of ['<script>alert(1)</script>', 'Hello <img src=x onerror=alert(1)>']) {
      const r = renderProse(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/raw HTML is not allowed/);
    }
  });

  it('opens links outside the sandbox', () => {
    const r = renderProse('[docs](https://example.org)');
    expect(r.ok && r.html).toContain('target="_blank" rel="noopener noreferrer"');
  });
});
