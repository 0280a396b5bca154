# Installing Debian packages, shared by the scripts that install what they need (sourced, not
# run). The sourcing script defines `log` and `die` first.
#   apt_install PACKAGE...   apt-get install, with one `apt-get update` and a retry on failure;
#                            as root directly, else through sudo.

sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

apt_install() {
  log "apt-get install $*"
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || {
    sudo_cmd apt-get update -q >/dev/null 2>&1 || true
    sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || die "apt-get install $* failed"
  }
}
