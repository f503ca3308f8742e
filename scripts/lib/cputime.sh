# Sourced by .ci/run and scripts/sanitize.sh: `cpu VAR` stores in VAR the CPU seconds (user +
# sys) of the finished child processes of the calling shell so far, from bash's `times`. It
# must run in that shell itself: inside a pipe or $(...) it would see a subshell's children.
# The caller removes "$cputime_file" (its EXIT trap).
cputime_file=$(mktemp)
cpu() {
  times > "$cputime_file"
  printf -v "$1" '%s' "$(awk 'NR==2{for(i=1;i<=2;i++){split($i,a,/[ms]/); s+=a[1]*60+a[2]} printf "%.0f", s}' "$cputime_file")"
}
