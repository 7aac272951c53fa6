from lkjip_xl.cli import main

raise SystemExit(main())
