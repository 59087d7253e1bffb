#!/bin/sh
# Installs pyhelp from this clone as a global .NET tool: the native (Native AOT) pyhelp for this machine, with the
# viewer and the manual beside it, and `man pyhelp`.  tools/install.sh --uninstall removes both.
set -eu
cd "$(dirname "$0")/.."
tools="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools"
# man-db looks in ../share/man beside every folder on PATH, so the page is found wherever the tools are.
man="$tools/../share/man/man1"

if [ "${1:-}" = "--uninstall" ]; then
  dotnet tool uninstall -g pyhelp
  rm -f "$man/pyhelp.1"
  exit 0
fi

rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
# A version of its own for every install, so that NuGet's cache never hands back an older package.
version=1.0.0-local.$(date -u +%Y%m%d%H%M%S)
out=artifacts/packages
rm -rf "$out"
echo "pyhelp: packing the tool for $rid (Native AOT, about a minute)"
dotnet pack src/HelpCli -c Release -o "$out" -p:PackageVersion="$version" -nologo -v quiet
dotnet pack src/HelpCli -c Release -r "$rid" -o "$out" -p:PackageVersion="$version" -nologo -v quiet
dotnet tool uninstall -g pyhelp >/dev/null 2>&1 || true
dotnet tool install -g pyhelp --add-source "$out" --version "$version"
mkdir -p "$man"
"$tools/pyhelp" --man > "$man/pyhelp.1"
case ":$PATH:" in
  *":$tools:"*) ;;
  *) echo "pyhelp: add $tools to PATH: export PATH=\"\$PATH:$tools\" (in ~/.profile)" ;;
esac
