import sys

from projects.cli.main import main

sys.exit(main())
