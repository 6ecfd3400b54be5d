#!/usr/bin/env bash
# Retakes the README's images of the six panes from real runs of agdash on
# its sandbox account (seed 1), one run per pane as the role that pane is
# for. Each run is driven in tmux by keys; every step waits for text on the
# screen (never a blind sleep), and a shot is taken only once nothing on it
# says "loading". Captures keep their colours (capture-pane -e), freeze
# renders them to SVG, and rsvg-convert turns the SVGs into the PNGs the
# README shows. Two small tools beside this script bridge what freeze
# v0.2.2 gets wrong: scripts/ansiflat restates colours in the SGR forms it
# reads, scripts/svggrid pins its text to the terminal's cells.
#
#   scripts/screenshots.sh            # all six, into docs/images/
#   scripts/screenshots.sh endpoints  # just one: projects, training-jobs,
#                                     # pipelines, registry, endpoints, backups
#
# Needs go and tmux; for PNGs, rsvg-convert and the JetBrains Mono font
# (Debian: apt-get install librsvg2-bin fonts-jetbrains-mono). Without
# rsvg-convert the SVGs are written instead. freeze is run from the Go
# module proxy at a pinned version (its own PNG export crashes under Go
# 1.26, hence rsvg-convert). Dates in the shots are relative to when they
# are taken: the sandbox's history ends "now".
set -euo pipefail

cd "$(dirname "$0")/.."
out=docs/images
freeze=(go run github.com/charmbracelet/freeze@v0.2.2)
font_size=14
background="#1a1b26" # the dark theme is drawn for a Tokyo Night terminal
deadline_s=${DEADLINE:-120} # per wait; the first poll of a cold, busy machine is slow

command -v tmux >/dev/null || { echo "screenshots: tmux is required" >&2; exit 2; }
png=1
if ! command -v rsvg-convert >/dev/null; then
  echo "screenshots: rsvg-convert not found; writing SVGs only" >&2
  png=0
elif ! fc-list : family 2>/dev/null | grep -i "JetBrains Mono" >/dev/null; then
  echo "screenshots: the JetBrains Mono font is not installed; PNGs would fall back to another font" >&2
  exit 2
fi

work=$(mktemp -d)
runs=0
t=(true)
cleanup() { "${t[@]}" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "building agdash" >&2
go build -o "$work/agdash" .
go build -o "$work/ansiflat" ./scripts/ansiflat
go build -o "$work/svggrid" ./scripts/svggrid
mkdir -p "$out"

# start runs agdash on the sandbox in a new tmux server, cols x rows.
start() {
  local cols=$1 rows=$2; shift 2
  "${t[@]}" kill-server 2>/dev/null || true
  runs=$((runs + 1))
  t=(tmux -L "agdash-shots-$$-$runs")
  "${t[@]}" new-session -d -s shot -x "$cols" -y "$rows" \
    "env -u TMUX TERM=xterm-256color COLORTERM=truecolor $work/agdash --sandbox --sandbox-seed 1 $*; sleep 600"
  "${t[@]}" set-option -t shot status off >/dev/null
}

screen() { "${t[@]}" capture-pane -p -t shot; }

# keys sends tmux key names (or literal text with -l), paced like typing.
keys() {
  if [ "$1" = -l ]; then
    "${t[@]}" send-keys -t shot -l -- "$2"
  else
    local k
    for k in "$@"; do
      "${t[@]}" send-keys -t shot "$k"
      sleep 0.15
    done
  fi
  sleep 0.2
}

# wait_for waits until every argument appears on the screen.
wait_for() {
  local end=$((SECONDS + deadline_s)) s missing
  while :; do
    s=$(screen)
    missing=""
    for text in "$@"; do
      grep -qF -- "$text" <<<"$s" || { missing=$text; break; }
    done
    [ -z "$missing" ] && return 0
    if [ $SECONDS -ge $end ]; then
      echo "screenshots: \"$missing\" did not appear within ${deadline_s}s; the screen was:" >&2
      echo "$s" >&2
      exit 1
    fi
    sleep 0.25
  done
}

# shoot waits until nothing on the screen is loading, lets one more poll's
# render land, and renders the screen to $out/NAME.png (or .svg).
shoot() {
  local name=$1 end=$((SECONDS + deadline_s))
  # "Loading projects…", "loading older jobs…", but not "Downloading".
  while grep -qE '(^|[^[:alpha:]])[Ll]oading' <<<"$(screen)"; do
    if [ $SECONDS -ge $end ]; then
      echo "screenshots: $name still shows a loading state after ${deadline_s}s:" >&2
      screen >&2
      exit 1
    fi
    sleep 0.25
  done
  sleep 1
  # ansiflat restates the colours in the few SGR forms freeze reads.
  "${t[@]}" capture-pane -e -p -t shot | "$work/ansiflat" -bg "$background" >"$work/$name.ansi"
  local svg="$work/$name.svg"
  "${freeze[@]}" --language ansi --window=false --padding 20 --margin 0 --border.radius 8 \
    --background "$background" --font.size "$font_size" -o "$svg" "$work/$name.ansi" >/dev/null
  # svggrid pins each character to its cell, so a glyph drawn from a
  # fallback font does not shift the rest of its line.
  "$work/svggrid" "$svg"
  if [ "$png" = 1 ]; then
    rsvg-convert --zoom 1.5 "$svg" -o "$out/$name.png"
    echo "wrote $out/$name.png" >&2
  else
    cp "$svg" "$out/$name.svg"
    echo "wrote $out/$name.svg" >&2
  fi
}

# Each shot is one user's errand, as the role it is for.

shot_projects() { # a project admin reviews the resale-flat model's project
  start 120 36 --sandbox-role project-admin
  wait_for "5 projects" "hdb-resale-valuation"
  keys / && keys -l "hdb-resale-valuation" && keys Enter
  wait_for "1 of 5 projects"
  keys Enter
  wait_for "Projects > hdb-resale-valuation" "Members (" "Governance findings ("
  shoot projects
}

shot_training_jobs() { # a data scientist watches her running job
  start 120 36 --sandbox-role data-scientist --project hdb-resale-valuation --pane jobs
  wait_for "running" "InProgress"
  keys Enter
  wait_for "Status timeline" "Metric curves (" "CPUUtilization"
  shoot training-jobs
}

shot_pipelines() { # the running execution's step graph, wide enough to show it whole
  start 150 26 --sandbox-role data-scientist --project hdb-resale-valuation --pane pipelines
  wait_for "Executing"
  keys Enter
  wait_for " executions" "Executing"
  keys Enter
  wait_for "steps succeeded" "TrainModel" "RegisterModel"
  shoot pipelines
}

shot_registry() { # an MLOps engineer compares the newest three versions
  start 120 36 --sandbox-role mlops-engineer --project hdb-resale-valuation --pane registry
  wait_for "1 group in hdb-resale-valuation"
  keys Enter
  wait_for " versions" "Approved" "Pending"
  keys Space Down Space Down Space c
  wait_for "compare v" "Deltas against" "Hyperparameters"
  shoot registry
}

shot_endpoints() { # on call: the incident, worst first, and why
  start 120 36 --sandbox-role on-call --pane endpoints
  wait_for "CRIT" "mom-work-pass-fraud-prod"
  keys Enter
  wait_for "Endpoints > mom-work-pass-fraud-prod" "Path in front of the model" "Variants (" "Alarms ("
  shoot endpoints
}

shot_backups() { # a project admin picks the HDB home directories' backup of three days ago
  start 120 36 --sandbox-role project-admin --pane backups
  wait_for "3 file systems" "hdb-analytics"
  keys / && keys -l "hdb-analytics" && keys Enter
  wait_for "1 of 3 file systems"
  keys Enter
  wait_for "recovery points · newest" "COMPLETED"
  keys Down Down Down
  wait_for "(3d ago) · COMPLETED"
  shoot backups
}

all=(projects training-jobs pipelines registry endpoints backups)
for name in "${@:-${all[@]}}"; do
  case $name in
    projects | training-jobs | pipelines | registry | endpoints | backups) "shot_${name//-/_}" ;;
    *) echo "screenshots: no shot named $name (one of: ${all[*]})" >&2; exit 2 ;;
  esac
done
