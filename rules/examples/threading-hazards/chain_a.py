import chain_b
