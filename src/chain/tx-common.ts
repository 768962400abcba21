// The Common our transactions are built with. The library's transaction constructor copies the Common it is
// given and merges the transaction parameters into the copy, rebuilding the copy's whole parameter cache
// (twice per transaction of ours: built, then signed), although the result is the same every time. So each
// chain keeps one copy with those parameters merged, and copies of it skip merging them again: they share
// its parameters and its cache, as every copy of a Common shares its parameters. Any other parameters still
// merge (and rebuild) as before. tx-common.test.ts holds the transactions equal to those built the stock way.
import { Common } from '@ethereumjs/common';
import { paramsTx } from '@ethereumjs/tx';
import type { Chain } from './evm.ts';

const commons = new WeakMap<Chain, Common>();

export function txCommon(chain: Chain): Common {
  let common = commons.get(chain);
  if (common === undefined) {
    common = chain.common.copy();
    common.updateParams(paramsTx);
    // An own property, so `copy()` (an Object.assign of this one) passes it on to every copy.
    common.updateParams = function (this: Common, params: Parameters<Common['updateParams']>[0]) {
      if (params !== paramsTx) Common.prototype.updateParams.call(this, params);
    };
    commons.set(chain, common);
  }
  return common;
}
