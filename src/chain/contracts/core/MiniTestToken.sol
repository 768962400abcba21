// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// Test-only plain ERC20 with open minting, for the core contracts' tests (the sandbox's LST is the
/// periphery's MiniLST). Never deployed by the sandbox.
contract MiniTestToken is ERC20 {
    constructor() ERC20("Test Token", "TT") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
