#!/bin/sh
# build.ps1 for a machine without PowerShell (Debian has none): the same tasks, the same commands.
#   ./build.sh build | test | quick | install | uninstall | publish
set -eu
cd "$(dirname "$0")"
run() { echo "> $*"; "$@"; }
case "${1:-test}" in
  build)     run dotnet build Help.sln ;;
  test)      run dotnet test Help.sln ;;
  # Without the real corpora, the native publishes, the browser and the stress loops (fuzzing, builds killed
  # and rebuilt in loops): about a minute instead of ten.
  quick)     run dotnet test Help.sln --filter 'Category!=corpus&Category!=native&Category!=browser&Category!=stress' ;;
  install)   run sh tools/install.sh ;;
  uninstall) run sh tools/install.sh --uninstall ;;
  publish)   run dotnet publish src/HelpCli -c Release -r linux-x64 -o artifacts/pyhelp ;;
  *) echo "usage: ./build.sh build|test|quick|install|uninstall|publish" >&2; exit 2 ;;
esac
