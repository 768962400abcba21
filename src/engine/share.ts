// Share links: the scenario and the position in the URL's fragment, so opening the link rebuilds the same
// sandbox at the same step on any machine (the chain is deterministic). A sandbox that starts as a preset or
// a lesson names it and carries only the steps taken after it, in the compact form of share-steps.ts
// (`#p=playground&s=dep,alice,stETH,5_ETH&at=21`, `#l=06-slashing&s=…`): short enough for a QR code a room
// can scan. Anything else travels as the scenario file, deflated and base64url-encoded. Links of the earlier
// forms (`preset=…`, `scenario=…`) keep opening. The fragment never reaches a server.
import { decodeSteps, encodeSteps, type CompactStep } from './share-steps.ts';

/** What a short link starts from: a preset or a lesson's starting scenario. */
export type ShareBase = { kind: 'preset'; id: string } | { kind: 'lesson'; id: string };

export type ShareTarget =
  | { kind: 'preset'; preset: string; position: number | null }
  | { kind: 'scenario'; scenario: unknown; position: number | null }
  | { kind: 'steps'; base: ShareBase; steps: CompactStep[]; position: number | null };

/** Longer links do not fit a QR code (2953 bytes at the lowest error correction). */
export const MAX_QR_CHARS = 2_900;
/** A link longer than this, or a scenario inflating past MAX_SCENARIO_BYTES, is refused before any work. */
export const MAX_FRAGMENT_CHARS = 200_000;
export const MAX_SCENARIO_BYTES = 4_000_000;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it contains characters that base64url does not use');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A few hundred bytes can inflate to gigabytes: stop reading once past what any scenario needs.
    if (size > limit) {
      await reader.cancel();
      throw new RangeError(`inflates past ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The URL fragment (without `#`) for a target. */
export async function encodeShare(target: ShareTarget): Promise<string> {
  const at = target.position === null ? '' : `&at=${target.position}`;
  if (target.kind === 'preset') return `preset=${encodeURIComponent(target.preset)}${at}`;
  if (target.kind === 'steps') {
    const key = target.base.kind === 'preset' ? 'p' : 'l';
    const steps = target.steps.length === 0 ? '' : `&s=${encodeSteps(target.steps)}`;
    return `${key}=${encodeURIComponent(target.base.id)}${steps}${at}`;
  }
  const json = new TextEncoder().encode(JSON.stringify(target.scenario));
  return `scenario=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}${at}`;
}

export type DecodedShare = { ok: true; target: ShareTarget } | { ok: false; message: string } | null;

/** Reads a fragment; null when it is not a share link at all, a message naming the fault when it is broken. */
export async function decodeShare(fragment: string): Promise<DecodedShare> {
  if (fragment.length > MAX_FRAGMENT_CHARS)
    return {
      ok: false,
      message: `The shared link is too long (${fragment.length} characters) to be a sandbox link.`,
    };
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const preset = params.get('preset');
  const scenario = params.get('scenario');
  const base = baseOf(params);
  if (preset === null && scenario === null && base === null) return null;
  const atText = params.get('at');
  let position: number | null = null;
  if (atText !== null) {
    if (!/^\d{1,6}$/.test(atText))
      return { ok: false, message: `the link's position "at=${atText}" is not a step number` };
    position = Number(atText);
  }
  if (base !== null) {
    // The steps are read from the raw fragment: URLSearchParams would turn their `%XX` escapes into text.
    const raw = /(?:^|[#&])s=([^&]*)/.exec(fragment)?.[1] ?? '';
    try {
      return { ok: true, target: { kind: 'steps', base, steps: decodeSteps(raw), position } };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        message: `The shared link cannot be opened: its ${why}. Was it copied completely?`,
      };
    }
  }
  if (preset !== null) return { ok: true, target: { kind: 'preset', preset, position } };
  try {
    const bytes = await pipe(
      fromBase64Url(scenario ?? ''),
      new DecompressionStream('deflate-raw'),
      MAX_SCENARIO_BYTES,
    );
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return { ok: true, target: { kind: 'scenario', scenario: parsed, position } };
  } catch (e) {
    const why =
      e instanceof SyntaxError
        ? 'its scenario is not valid JSON'
        : e instanceof RangeError
          ? `its scenario is too large (it ${e.message})`
          : 'its scenario data is damaged or cut short';
    return { ok: false, message: `The shared link cannot be opened: ${why}. Was it copied completely?` };
  }
}

function baseOf(params: URLSearchParams): ShareBase | null {
  const preset = params.get('p');
  if (preset !== null) return { kind: 'preset', id: preset };
  const lesson = params.get('l');
  return lesson === null ? null : { kind: 'lesson', id: lesson };
}
