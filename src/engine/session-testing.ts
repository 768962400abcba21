// Shared by the session tests: the step they take on the playground to change the most at once.

/** avs1 slashes op1 by 20% of its stETH in operator set 0, naming the slash s1 (the playground has all three). */
export const PLAYGROUND_SLASH = {
  action: 'avs.slash',
  by: 'avs1',
  operator: 'op1',
  set: 0,
  strategies: ['stETH'],
  wads: ['20%'],
  as: 's1',
};
