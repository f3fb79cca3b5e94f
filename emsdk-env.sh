# Source this file (`source emsdk-env.sh`) to get a working emcc in this shell.
#
# With $EMSDK set, it sources $EMSDK/emsdk_env.sh.  Otherwise it prepares
# Debian's emscripten 3.1.6, which needs three things to link at all:
#   - NODE_PATH=/usr/share/nodejs, where Debian keeps the `acorn` its
#     JS optimizer imports;
#   - a config whose FROZEN_CACHE is False, so system libraries can be built;
#   - a writable cache directory (the packaged one lives under /usr).
# Both live under the pylife dependency cache ($PYLIFE_DEPS_DIR or
# ~/.cache/pylife), never in the repository.

if [ -n "${EMSDK:-}" ] && [ -f "$EMSDK/emsdk_env.sh" ]; then
  # shellcheck disable=SC1091
  . "$EMSDK/emsdk_env.sh" >/dev/null
else
  _pylife_deps="${PYLIFE_DEPS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pylife}"
  _pylife_emdir="$_pylife_deps/emscripten"
  mkdir -p "$_pylife_emdir/cache"
  if [ ! -f "$_pylife_emdir/config" ] || [ /usr/share/emscripten/.emscripten -nt "$_pylife_emdir/config" ]; then
    sed -e 's/^FROZEN_CACHE *=.*/FROZEN_CACHE = False/' \
        /usr/share/emscripten/.emscripten > "$_pylife_emdir/config"
    printf "\nCACHE = '%s'\n" "$_pylife_emdir/cache" >> "$_pylife_emdir/config"
  fi
  export EM_CONFIG="$_pylife_emdir/config"
  export EM_CACHE="$_pylife_emdir/cache"
  export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
  unset _pylife_deps _pylife_emdir
fi
