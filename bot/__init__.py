"""peerbot's Discord-free core: domain rules, storage, scheduling and settings."""
