// The chain's worker's very first import: it runs before any of the chain's code is evaluated. @noble/hashes
// (under @ethereumjs, whose every integer-to-bytes conversion goes through it: account encoding, opcodes,
// transactions) turns hex into bytes with the built-in `Uint8Array.fromHex` where one exists, decided once as
// its module loads. In this project's Chromium that built-in costs 4–12 µs a call, 10–30 times noble's own
// loop (20,000 8-byte conversions: 80–250 ms against 7 ms), and it was the chain worker's costliest function
// in a share link's replay (154 ms of 1.9 s, traced). Without it, noble uses its own loop (and its own
// `toHex`), as it does in Node, where the tests run; the bytes are the same.
const U8 = Uint8Array as unknown as { fromHex?: unknown };
if (typeof U8.fromHex === 'function') delete U8.fromHex;
export {};
