#!/usr/bin/env pwsh
# The README's commands, so the two cannot drift. Without PowerShell, run the command each task prints.
#   ./build.ps1 build | test | quick | install | uninstall | publish
param(
    [ValidateSet('build', 'test', 'quick', 'install', 'uninstall', 'publish')]
    [string]$Task = 'test'
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke([string]$file, [string[]]$arguments) {
    Write-Host "> $file $($arguments -join ' ')"
    & $file @arguments
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'build'     { Invoke 'dotnet' @('build', 'Help.sln') }
    'test'      { Invoke 'dotnet' @('test', 'Help.sln') }
    'quick'     { Invoke 'dotnet' @('test', 'Help.sln', '--filter', 'Category!=corpus&Category!=native&Category!=browser&Category!=stress') }
    'install'   { Invoke 'sh' @('tools/install.sh') }
    'uninstall' { Invoke 'sh' @('tools/install.sh', '--uninstall') }
    'publish'   { Invoke 'dotnet' @('publish', 'src/HelpCli', '-c', 'Release', '-r', 'linux-x64', '-o', 'artifacts/pyhelp') }
}
