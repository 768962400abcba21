// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// Mirrors EigenLayer's IAVSRegistrar: the AllocationManager calls the AVS (its own registrar in the
/// miniature) on registration and deregistration. A revert in registerOperator rejects the operator.
interface IAVSRegistrar {
    function registerOperator(address operator, address avs, uint32[] calldata operatorSetIds, bytes calldata data)
        external;
    function deregisterOperator(address operator, address avs, uint32[] calldata operatorSetIds) external;
}
