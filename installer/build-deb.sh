#!/usr/bin/env bash
# Builds the workstation as a Debian package with jpackage (JDK 17+ with jpackage and jdeps).
# Needs fakeroot and binutils (objcopy for --strip-debug): apt-get install -y fakeroot binutils.
# Usage: installer/build-deb.sh [CENTRAL_URL] [TRUST_DIR]
#   CENTRAL_URL  the central service the installed workstation talks to (default http://localhost:8080)
#   TRUST_DIR    CA certificates shipped with the package to judge certificates before use (optional)
set -euo pipefail
cd "$(dirname "$0")/.."
CENTRAL_URL=${1:-http://localhost:8080}
TRUST_DIR=${2:-}
VERSION=0.1.0

./mvnw -B -q package -DskipTests
out=target/installer
rm -rf "$out" && mkdir -p "$out/input"
cp target/qujat.jar "$out/input/"
args="workstation --central $CENTRAL_URL"
if [ -n "$TRUST_DIR" ]; then
  cp -r "$TRUST_DIR" "$out/input/trust"
  args="$args --trust \$APPDIR/trust"
fi

# the workstation's JVM options, one per line in installer/workstation-jvm.options (the list the README's start
# commands and the memory bench use too): each becomes a --java-options of the launcher
java_options=()
while IFS= read -r option || [ -n "$option" ]; do
  case "$option" in ''|'#'*) continue ;; esac
  java_options+=(--java-options "$option")
done < installer/workstation-jvm.options

# the JDK modules the jar uses, so that the bundled runtime carries nothing else
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$out/input/qujat.jar")
modules="$modules,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.localedata"

jpackage --type deb --dest "$out" \
  --name qujat-workstation --app-version "$VERSION" --vendor "Qujat" \
  --description "Qujat: officer workstation for online ID card replacement" \
  --input "$out/input" --main-jar qujat.jar --main-class kz.qujat.Main \
  --arguments "$args" \
  "${java_options[@]}" \
  --add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages" \
  --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Office
ls -l "$out"/*.deb
