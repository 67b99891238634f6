"""`python -m bot` is the same entry point as the `peerbot` console script."""

from bot.cli import main

raise SystemExit(main())
