#!/usr/bin/env pwsh
# A thin wrapper over the same dotnet commands as the README, so the two cannot drift.
#   ./build.ps1 build | test | index | serve | publish
param(
    [ValidateSet('build', 'test', 'index', 'serve', 'publish')]
    [string]$Task = 'test',
    [string]$Configuration = 'Release',
    [string]$Runtime = 'linux-x64'
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke([string[]]$cmd) {
    Write-Host "> dotnet $($cmd -join ' ')"
    & dotnet @cmd
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'build'   { Invoke @('build', 'Help.sln', '-c', $Configuration) }
    'test'    { Invoke @('test', 'Help.sln') }
    'index'   { Invoke @('run', '--project', 'src/Indexer', '-c', $Configuration, '--', 'build') }
    'serve'   { Invoke @('run', '--project', 'src/HelpServer', '-c', $Configuration) }
    'publish' {
        # pyhelp, pyhelp-full and Help.Indexer native (Native AOT, Directory.Build.props), side by side: pyhelp answers
        # lookups and hands every other command to pyhelp-full, which runs Help.Indexer to build the index. The viewer
        # beside them needs the .NET runtime.
        Invoke @('publish', 'src/HelpCli', '-c', $Configuration, '-r', $Runtime, '-p:Native=true', '-o', 'artifacts/pyhelp')
        Invoke @('publish', 'src/HelpCliFull', '-c', $Configuration, '-r', $Runtime, '-p:Native=true', '-o', 'artifacts/pyhelp')
        Invoke @('publish', 'src/Indexer', '-c', $Configuration, '-r', $Runtime, '-p:Native=true', '-o', 'artifacts/pyhelp')
        Invoke @('publish', 'src/HelpServer', '-c', $Configuration, '-r', $Runtime, '--self-contained', 'false', '-o', 'artifacts/pyhelp')
    }
}
