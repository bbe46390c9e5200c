#!/bin/sh
# Linux app image, after jpackage made it and before the .deb is made from it: the shell launcher instead of
# jpackage's native one, and what postinst needs to make the class-data-sharing archive for the installed
# paths (bench/README.md explains both). Run from the project directory by `mvn -Pinstaller package`.
set -e
image=target/installer/bluegreen-wizard
install -m 755 target/jpackage/os/bluegreen-wizard "$image/bin/bluegreen-wizard"
install -m 755 target/jpackage/os/make-cds-archive "$image/lib/make-cds-archive"
install -m 644 target/jpackage/bluegreen-wizard.classlist "$image/lib/app/bluegreen-wizard.classlist"
# Only the native launcher reads these.
rm "$image/lib/libapplauncher.so" "$image/lib/app/bluegreen-wizard.cfg"
