import sys

from datamap.cli import main

sys.exit(main())
