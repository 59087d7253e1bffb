using System.Reflection;

namespace Help.Tests.Shared;

/// <summary>
/// How a test runs this build's <c>pyhelp.dll</c> as a process: <c>dotnet exec</c> with the test assembly's runtime
/// configuration and dependencies. The test projects also reference the viewer, whose framework (ASP.NET Core)
/// supplies some assemblies that pyhelp's own files would take from its packages, so they are not copied beside it.
/// </summary>
public static class PyhelpDll
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "pyhelp.dll");

    /// <summary>The arguments of <c>dotnet</c> that run pyhelp, before pyhelp's own.</summary>
    public static IReadOnlyList<string> DotnetArguments
    {
        get
        {
            var host = Assembly.GetEntryAssembly()!.GetName().Name;
            return ["exec",
                "--runtimeconfig", System.IO.Path.Combine(AppContext.BaseDirectory, $"{host}.runtimeconfig.json"),
                "--depsfile", System.IO.Path.Combine(AppContext.BaseDirectory, $"{host}.deps.json"),
                Path];
        }
    }
}
