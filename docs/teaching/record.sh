#!/usr/bin/env bash
# Record a qiflow play session in tmux (100 x 40) from a script of typed lines; print the pane.
# Usage: docs/teaching/record.sh SCRIPT [ARGS...]   (ARGS go to qiflow play)
set -euo pipefail
script=$1; shift
name=qiflow-record-$$
tmux new-session -d -s "$name" -x 100 -y 40 "bash --norc"
tmux send-keys -t "$name" "export PS1='$ ' && clear" Enter; sleep 0.5
tmux send-keys -t "$name" -l ".venv/bin/qiflow play $*"; tmux send-keys -t "$name" Enter; sleep 2
while IFS= read -r line; do
  tmux send-keys -t "$name" -l "$line"; tmux send-keys -t "$name" Enter; sleep 0.3
done < "$script"
sleep 1
tmux capture-pane -t "$name" -p -S -2000 | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
tmux kill-session -t "$name"
