"""Allow `python -m hospitality_app`."""

from hospitality_app.app import main

raise SystemExit(main())
