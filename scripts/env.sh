# Sourced by the build scripts: Debian's Emscripten 3.1.6 finds its JS tools (acorn, …) only
# through NODE_PATH=/usr/share/nodejs.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
