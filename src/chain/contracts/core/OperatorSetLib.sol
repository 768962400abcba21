// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {OperatorSet} from "../interfaces/Types.sol";

/// Mirrors EigenLayer's OperatorSetLib: a set's storage key packs the AVS address and the 32-bit id
/// into one bytes32 (address in the high 20 bytes, id in the low 12), and decodes back.
library OperatorSetLib {
    function key(OperatorSet memory operatorSet) internal pure returns (bytes32) {
        return bytes32(abi.encodePacked(operatorSet.avs, uint96(operatorSet.id)));
    }

    function decode(bytes32 setKey) internal pure returns (OperatorSet memory) {
        return OperatorSet({avs: address(uint160(uint256(setKey) >> 96)), id: uint32(uint256(setKey) & type(uint96).max)});
    }
}
