from samen_tui.cli import main

raise SystemExit(main())
