#!/usr/bin/env bash
# The Debian package, end to end: build it with cargo-deb from the dev-profile binary that
# `cargo test` has already built (no release build), install it with dpkg, check the files it
# put in place, run the installed binary (--version, a briefing PDF, the real-window smoke
# test), then remove it and check that it is gone. Needs root (dpkg).
# Usage: .ci/deb.sh   (from anywhere; works in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --version 3.8.0 --quiet
cargo deb --version
test -x target/debug/tradedash || cargo test --locked --no-run --quiet
# --profile dev: cargo-deb maps the target/release/ asset path to target/debug/. cargo-deb 3.8
# warns that dev profiles may become an error in a later version; it is pinned to 3.8.0 above,
# and a release build (`cargo deb`, ~4 min here) is the way out if that happens.
deb=$(cargo deb --no-build --profile dev --locked | tail -n 1)
test -f "$deb" || { echo "FAIL: cargo deb did not name a package (got: $deb)"; exit 1; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'

dpkg -r tradedash >/dev/null 2>&1 || true
dpkg -i "$deb"

fail=0
listed=$(dpkg -L tradedash)
for f in /usr/bin/tradedash \
         /usr/share/applications/tradedash.desktop \
         /usr/share/mime/packages/tradedash.xml \
         /usr/share/icons/hicolor/scalable/apps/tradedash.svg \
         /usr/share/icons/hicolor/48x48/apps/tradedash.png \
         /usr/share/icons/hicolor/256x256/apps/tradedash.png \
         /usr/share/doc/tradedash/copyright; do
  if grep -qx "$f" <<<"$listed" && test -e "$f"; then echo "  ok $f"; else echo "FAIL: $f not installed"; fail=1; fi
done
# The man pages (cargo-deb gzips them).
if grep -Eq '^/usr/share/man/man1/tradedash\.1(\.gz)?$' <<<"$listed" \
   && grep -Eq '^/usr/share/man/man1/tradedash-export-brief\.1(\.gz)?$' <<<"$listed"; then
  echo "  ok man pages"
else
  echo "FAIL: man pages not installed"; fail=1
fi
# The desktop entry names the binary, the icon and the window's app id (ViewportBuilder::with_app_id).
grep -qx 'Exec=tradedash %f' /usr/share/applications/tradedash.desktop || { echo "FAIL: Exec"; fail=1; }
grep -qx 'StartupWMClass=tradedash' /usr/share/applications/tradedash.desktop || { echo "FAIL: WM class"; fail=1; }
grep -rq 'with_app_id("tradedash")' src/cli/ || { echo "FAIL: the window's app id is not tradedash"; fail=1; }

version=$(/usr/bin/tradedash --version)
echo "installed: $version"
expected="tradedash $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[ "$version" = "$expected" ] || { echo "FAIL: --version says '$version', expected '$expected'"; fail=1; }

tmp=$(mktemp -d)
/usr/bin/tradedash export-brief --out "$tmp/brief.pdf" || { echo "FAIL: export-brief"; fail=1; }
head -c 5 "$tmp/brief.pdf" | grep -q '%PDF-' || { echo "FAIL: brief.pdf is not a PDF"; fail=1; }
rm -rf "$tmp"

bash .ci/smoke-window.sh /usr/bin/tradedash || fail=1

dpkg -r tradedash
if test -e /usr/bin/tradedash || dpkg -s tradedash >/dev/null 2>&1; then
  echo "FAIL: tradedash still installed after dpkg -r"; fail=1
fi
exit "$fail"
