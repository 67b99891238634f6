"""Domain models and the services that hold peerbot's rules. Nothing here knows about Discord."""
