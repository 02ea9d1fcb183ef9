#!/usr/bin/env bash
# Real-window smoke test: under Xvfb, `tradedash export-chart` draws the real window and saves
# a PNG of the chart cropped from a screenshot; check that each PNG decodes, has a plausible
# size for the window, and is not blank.
# Usage: .ci/smoke-window.sh path/to/tradedash
set -euo pipefail
bin=${1:?usage: smoke-window.sh BINARY}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
export XDG_RUNTIME_DIR="$out/xdg"
mkdir -m 700 "$XDG_RUNTIME_DIR"
fail=0

check_png() { # file window_w window_h
  local f=$1 ww=$2 wh=$3
  local size w h colours stddev
  size=$(identify -format '%w %h' "$f") || { echo "FAIL $f: does not decode as an image"; return 1; }
  read -r w h <<<"$size"
  colours=$(identify -format '%k' "$f")
  stddev=$(convert "$f" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  echo "  $f: ${w}x${h} px, $colours colours, grey stddev $stddev"
  # The chart (title, axes, legend, plot) fills most of the central panel, never the whole window.
  if (( w < ww * 6 / 10 || w > ww || h < wh * 6 / 10 || h > wh )); then
    echo "FAIL $f: ${w}x${h} is not the chart of a ${ww}x${wh} window"; return 1
  fi
  if (( colours < 50 )) || awk "BEGIN{exit !($stddev < 0.02)}"; then
    echo "FAIL $f: the picture is blank"; return 1
  fi
}

run_export() { # name window_w window_h [input]
  local name=$1 ww=$2 wh=$3 input=${4:-}
  echo "export-chart $name (${ww}x${wh}) ${input:-<built-in default>}"
  # shellcheck disable=SC2086
  if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$bin" export-chart $input --out "$out/$name.png" --width "$ww" --height "$wh"; then
    echo "FAIL $name: export-chart exited non-zero"; return 1
  fi
  check_png "$out/$name.png" "$ww" "$wh"
}

run_export default 1280 800 || fail=1
run_export comtrade 1024 700 "$here/tests/fixtures/comtrade-kaz-blr-synthetic.csv" || fail=1

# The chart in Russian (`--lang ru`): a good picture whose top band (KPI strip and title) differs
# from the English one's. The plot below may coincide; the words above it must not.
echo "export-chart ru (1280x800) <built-in default>"
if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$bin" export-chart --lang ru --out "$out/ru.png" --width 1280 --height 800; then
  echo "FAIL ru: export-chart --lang ru exited non-zero"; fail=1
elif check_png "$out/ru.png" 1280 800; then
  read -r w1 h1 <<<"$(identify -format '%w %h' "$out/default.png")"
  read -r w2 h2 <<<"$(identify -format '%w %h' "$out/ru.png")"
  cw=$(( w1 < w2 ? w1 : w2 )); ch=$(( (h1 < h2 ? h1 : h2) / 5 ))
  convert "$out/default.png" -crop "${cw}x${ch}+0+0" +repage "$out/title-en.png"
  convert "$out/ru.png" -crop "${cw}x${ch}+0+0" +repage "$out/title-ru.png"
  # compare exits 1 when the pictures differ; its count goes to stderr.
  differ=$(compare -metric AE "$out/title-en.png" "$out/title-ru.png" null: 2>&1 || true)
  differ=${differ%% *}
  echo "  title band ${cw}x${ch} px: $differ pixels differ from the English one"
  if ! awk "BEGIN{exit !($differ > ($cw * $ch) / 100)}"; then
    echo "FAIL ru: the title band is the English one (only $differ pixels differ)"; fail=1
  fi
else
  fail=1
fi

# A file that cannot be used must fail with the reason, not write a picture.
if timeout 120 xvfb-run -a "$bin" export-chart "$here/tests/fixtures/not-trade-data.csv" --out "$out/bad.png" 2>"$out/bad.err"; then
  echo "FAIL bad input: export-chart exited 0"; fail=1
elif [ -e "$out/bad.png" ] || ! grep -q "the header is not one tradedash knows" "$out/bad.err"; then
  echo "FAIL bad input: wrong outcome: $(cat "$out/bad.err")"; fail=1
else
  echo "bad input refused: $(head -c 120 "$out/bad.err")…"
fi

# The target gauge of the built-in workspace, as PNG in both themes: a card-sized picture,
# not blank, light on the light theme and dark on the dark one.
for theme in light dark; do
  flag=""; [ "$theme" = dark ] && flag="--dark"
  echo "export-gauge $theme"
  # shellcheck disable=SC2086
  if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$bin" export-gauge --target 1 --out "$out/gauge-$theme.png" $flag; then
    echo "FAIL gauge $theme: export-gauge exited non-zero"; fail=1; continue
  fi
  read -r w h colours mean <<<"$(identify -format '%w %h %k %[fx:mean]' "$out/gauge-$theme.png")"
  echo "  gauge-$theme.png: ${w}x${h} px, $colours colours, mean brightness $mean"
  if (( w < 300 || w > 420 || h < 300 || h > 700 || colours < 50 )); then
    echo "FAIL gauge $theme: ${w}x${h} px, $colours colours is not a gauge card"; fail=1
  elif [ "$theme" = light ] && awk "BEGIN{exit !($mean < 0.6)}"; then
    echo "FAIL gauge light: too dark (mean $mean)"; fail=1
  elif [ "$theme" = dark ] && awk "BEGIN{exit !($mean > 0.4)}"; then
    echo "FAIL gauge dark: too light (mean $mean)"; fail=1
  fi
done

# The gauge card in Russian (`--lang ru`, light theme as above): its figure rows' words
# ("Текущее значение", "Отставание") differ from the English ones; the arc above may coincide.
echo "export-gauge ru"
if ! timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$bin" export-gauge --lang ru --target 1 --out "$out/gauge-ru.png"; then
  echo "FAIL gauge ru: export-gauge --lang ru exited non-zero"; fail=1
elif [ -e "$out/gauge-light.png" ]; then
  read -r w1 h1 <<<"$(identify -format '%w %h' "$out/gauge-light.png")"
  read -r w2 h2 <<<"$(identify -format '%w %h' "$out/gauge-ru.png")"
  cw=$(( w1 < w2 ? w1 : w2 )); top=$(( (h1 < h2 ? h1 : h2) / 2 )); ch=$(( (h1 < h2 ? h1 : h2) / 4 ))
  convert "$out/gauge-light.png" -crop "${cw}x${ch}+0+${top}" +repage "$out/rows-en.png"
  convert "$out/gauge-ru.png" -crop "${cw}x${ch}+0+${top}" +repage "$out/rows-ru.png"
  differ=$(compare -metric AE "$out/rows-en.png" "$out/rows-ru.png" null: 2>&1 || true)
  differ=${differ%% *}
  echo "  figure rows ${cw}x${ch} px: $differ pixels differ from the English card's"
  if ! awk "BEGIN{exit !($differ > ($cw * $ch) / 100)}"; then
    echo "FAIL gauge ru: the figure rows are the English ones (only $differ pixels differ)"; fail=1
  fi
fi

rm -rf "$out"
if (( fail )); then echo "smoke: failed"; exit 1; fi
echo "smoke: 7 passed, 0 failed"
