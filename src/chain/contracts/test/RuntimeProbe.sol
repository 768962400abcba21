// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// Test-only contract for the chain runtime's own tests: events, custom errors, panics, block context.
/// Not part of the restaking miniatures; never deployed by the sandbox.
contract RuntimeProbe {
    error TooSmall(uint256 given, uint256 minimum);

    event Stored(address indexed by, uint256 value);

    uint256 public value;

    constructor(uint256 initial) payable {
        value = initial;
    }

    function store(uint256 v) external returns (uint256 previous) {
        if (v < 10) revert TooSmall(v, 10);
        previous = value;
        value = v;
        emit Stored(msg.sender, v);
    }

    function underflow(uint256 a) external pure returns (uint256) {
        return a - 1;
    }

    function context() external view returns (uint256 number, uint256 timestamp) {
        return (block.number, block.timestamp);
    }
}
