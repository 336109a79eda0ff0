"""`python -m player.cli ...` runs the command line."""

import sys

from player.cli.entry import main

sys.exit(main())
