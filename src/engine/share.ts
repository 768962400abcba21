// Share links: the scenario and the position in the URL's fragment, so opening the link rebuilds the same
// sandbox at the same step on any machine (the chain is deterministic). A preset that was not changed is
// named by its id; anything else travels as the scenario file, deflated and base64url-encoded, which keeps
// a typical classroom scenario short enough for a QR code. The fragment never reaches a server.

export type ShareTarget =
  | { kind: 'preset'; preset: string; position: number | null }
  | { kind: 'scenario'; scenario: unknown; position: number | null };

export const MAX_LINK_CHARS = 2_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters that base64url does not use');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The URL fragment (without `#`) for a target. */
export async function encodeShare(target: ShareTarget): Promise<string> {
  const at = target.position === null ? '' : `&at=${target.position}`;
  if (target.kind === 'preset') return `preset=${encodeURIComponent(target.preset)}${at}`;
  const json = new TextEncoder().encode(JSON.stringify(target.scenario));
  return `scenario=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}${at}`;
}

export type DecodedShare = { ok: true; target: ShareTarget } | { ok: false; message: string } | null;

/** Reads a fragment; null when it is not a share link at all, a message naming the fault when it is broken. */
export async function decodeShare(fragment: string): Promise<DecodedShare> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const preset = params.get('preset');
  const scenario = params.get('scenario');
  if (preset === null && scenario === null) return null;
  const atText = params.get('at');
  let position: number | null = null;
  if (atText !== null) {
    if (!/^\d{1,6}$/.test(atText))
      return { ok: false, message: `the link's position "at=${atText}" is not a step number` };
    position = Number(atText);
  }
  if (preset !== null) return { ok: true, target: { kind: 'preset', preset, position } };
  try {
    const bytes = await pipe(fromBase64Url(scenario ?? ''), new DecompressionStream('deflate-raw'));
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return { ok: true, target: { kind: 'scenario', scenario: parsed, position } };
  } catch (e) {
    const why =
      e instanceof SyntaxError
        ? 'its scenario is not valid JSON'
        : 'its scenario data is damaged or cut short';
    return { ok: false, message: `The shared link cannot be opened: ${why}. Was it copied completely?` };
  }
}
