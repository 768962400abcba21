// What a world@1 amount counts, from its path: the Inspector labels its numbers with it, and a lesson file's
// prediction writes and shows its choices in it ("4 shares", "3.6 stETH").
const SHARE_LEAVES = new Set(['depositShares', 'withdrawableShares', 'scaledShares', 'allocatedStake']);

/**
 * The unit of an amount path that counts a token or shares rather than ETH; null for ETH-valued amounts.
 * EigenLayer's stake is strategy shares, so operator shares, allocated stake and withdrawals read "shares".
 */
export function tokenUnit(path: string): string | null {
  const s = path.split('.');
  const leaf = s[s.length - 1] ?? '';
  if (s[0] === 'accounts' && (s[2] === 'stETH' || s[2] === 'wstETH') && s.length === 3) return s[2];
  if (s[0] === 'accounts' && s[2] === 'stETHShares' && s.length === 3) return 'stETH shares';
  if (s[0] === 'accounts' && s[2] === 'vaultTokens' && s[3] !== undefined) return `${s[3]} tokens`;
  if (s[0] === 'vaults' && s[2] === 'supply') return `${s[1]} tokens`;
  if (s[0] === 'vaults' && (s[2] === 'totalValue' || leaf === 'valueAtRequest')) return 'stETH';
  if (s[0] === 'burned' && s[1] !== undefined) return s[1];
  if (path === 'lst.totalShares') return 'stETH shares';
  if (s[0] === 'stakers' && SHARE_LEAVES.has(leaf)) return 'shares';
  if (s[0] === 'operators' && (s[2] === 'shares' || leaf === 'allocatedStake')) return 'shares';
  if (s[0] === 'strategies' && leaf === 'totalShares') return 'shares';
  if (s[0] === 'strategies' && leaf === 'underlyingBalance' && s[1] !== 'beaconETH') return s[1] ?? null;
  return null;
}
