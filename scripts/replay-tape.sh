#!/usr/bin/env bash
# Replays a VHS tape's keystrokes in tmux, without vhs, ttyd or ffmpeg, and
# fails when one of its Wait lines does not match in time. `vhs validate`
# checks a tape's syntax; this checks that its keys still lead where it
# says, so the film records when someone runs vhs.
#
#   scripts/replay-tape.sh [TAPE]        (default: demo.tape, from the repository root)
#
# Environment: COLS and ROWS size the terminal (default 150x48, about what
# the tape's Set Width/Height give); MAX_SLEEP caps each Sleep in seconds
# (default 1: the tape's Sleeps are pauses for the viewer, its Waits guard
# the data); KEEP=1 leaves the tmux session running for a look; SHOTS=DIR
# writes the screen at each matched Wait to DIR/LINE.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
tape=${1:-demo.tape}
cols=${COLS:-150}
rows=${ROWS:-48}
max_sleep=${MAX_SLEEP:-1}

command -v tmux >/dev/null || { echo "replay-tape: tmux is required" >&2; exit 2; }
[ -r "$tape" ] || { echo "replay-tape: cannot read $tape" >&2; exit 2; }

sock="agdash-replay-$$"
t=(tmux -L "$sock")
cleanup() { [ "${KEEP:-}" = 1 ] || "${t[@]}" kill-server 2>/dev/null || true; }
trap cleanup EXIT

# The shell vhs starts for `Set Shell "bash"`: no rc files, a "> " prompt.
"${t[@]}" new-session -d -s tape -x "$cols" -y "$rows" \
  "env -u TMUX PS1='> ' TERM=xterm-256color bash --noprofile --norc +o history"
"${t[@]}" set-option -t tape status off >/dev/null

wait_timeout=15 # vhs's default, until the tape sets its own
wait_pattern='>$'

# seconds turns a vhs duration (500ms, 3s, 1m, 2) into seconds.
seconds() {
  awk -v d="$1" 'BEGIN {
    if (d ~ /ms$/) { sub(/ms$/, "", d); print d / 1000 }
    else if (d ~ /s$/) { sub(/s$/, "", d); print d + 0 }
    else if (d ~ /m$/) { sub(/m$/, "", d); print d * 60 }
    else print d + 0 }'
}

screen() { "${t[@]}" capture-pane -p -t tape; }

# cursor_line is the line the cursor is on, trailing blanks trimmed, as
# vhs's Wait+Line reads it.
cursor_line() {
  local y
  y=$("${t[@]}" display-message -p -t tape '#{cursor_y}')
  screen | sed -n "$((y + 1))p" | sed 's/[[:space:]]*$//'
}

# press sends a tmux key name count times, paced like typing.
press() {
  local key=$1 count=${2:-1} i
  for ((i = 0; i < count; i++)); do
    "${t[@]}" send-keys -t tape "$key"
    sleep 0.1
  done
}

fail() {
  echo "replay-tape: $tape:$lineno: $*" >&2
  echo "---- screen ----" >&2
  screen >&2 || true
  exit 1
}

lineno=0
while IFS= read -r raw || [ -n "$raw" ]; do
  lineno=$((lineno + 1))
  line="${raw#"${raw%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [ -z "$line" ] && continue
  [[ $line == \#* ]] && continue

  case $line in
    Output* | Hide | Show | Screenshot* | Copy* | Paste*) ;;
    "Set WaitTimeout "*) wait_timeout=$(seconds "${line#Set WaitTimeout }") ;;
    "Set WaitPattern "*) wait_pattern=${line#Set WaitPattern }; wait_pattern=${wait_pattern#/}; wait_pattern=${wait_pattern%/} ;;
    Set\ *) ;;
    "Require "*)
      command -v "${line#Require }" >/dev/null || fail "required program ${line#Require } is not on PATH" ;;
    Type*)
      [[ $line =~ ^Type(@[0-9.]+m?s)?\ +\"(.*)\"$ ]] || fail "cannot read: $line"
      "${t[@]}" send-keys -t tape -l -- "${BASH_REMATCH[2]}"
      sleep 0.2 ;;
    Sleep\ *)
      s=$(seconds "${line#Sleep }")
      sleep "$(awk -v a="$s" -v b="$max_sleep" 'BEGIN { print (a < b ? a : b) }')" ;;
    Wait*)
      [[ $line =~ ^Wait(\+(Screen|Line))?(@([0-9.]+m?s|[0-9.]+m))?(\ +/(.*)/)?$ ]] || fail "cannot read: $line"
      scope=${BASH_REMATCH[2]:-Line}
      limit=$wait_timeout
      [ -n "${BASH_REMATCH[4]}" ] && limit=$(seconds "${BASH_REMATCH[4]}")
      pattern=${BASH_REMATCH[6]:-$wait_pattern}
      deadline=$(awk -v now="$(date +%s)" -v l="$limit" 'BEGIN { printf "%d", now + l + 0.999 }')
      while :; do
        if [ "$scope" = Screen ]; then text=$(screen); else text=$(cursor_line); fi
        printf '%s\n' "$text" | grep -qP -- "$pattern" && break
        [ "$(date +%s)" -ge "$deadline" ] && fail "Wait+$scope /$pattern/ did not match within ${limit}s"
        sleep 0.2
      done
      if [ -n "${SHOTS:-}" ]; then mkdir -p "$SHOTS" && screen >"$SHOTS/$(printf %03d "$lineno").txt"; fi ;;
    *)
      # Keys, with an optional @speed and repeat count: Enter, Down 3, Ctrl+C.
      [[ $line =~ ^([A-Za-z]+(\+[^ @]+)?)(@[0-9.]+m?s)?(\ +([0-9]+))?$ ]] || fail "cannot read: $line"
      key=${BASH_REMATCH[1]}
      count=${BASH_REMATCH[5]:-1}
      case $key in
        Enter | Escape | Space | Up | Down | Left | Right | Tab | Home | End) press "$key" "$count" ;;
        Backspace) press BSpace "$count" ;;
        PageUp) press PPage "$count" ;;
        PageDown) press NPage "$count" ;;
        Ctrl+*) press "C-$(tr '[:upper:]' '[:lower:]' <<<"${key#Ctrl+}")" "$count" ;;
        Alt+*) press "M-${key#Alt+}" "$count" ;;
        Shift+Tab) press BTab "$count" ;;
        *) fail "replay-tape.sh does not know the command: $line" ;;
      esac ;;
  esac
done <"$tape"

echo "replay-tape: $tape played to the end; every Wait matched"
