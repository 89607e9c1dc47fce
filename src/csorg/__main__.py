from csorg.cli import main

raise SystemExit(main())
