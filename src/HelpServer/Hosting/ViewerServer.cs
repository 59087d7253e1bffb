using Help.Core.Query;
using System.Net;
using Help.Core.Index;
using Help.Mcp;
using Help.Server.Api;
using Help.Server.Assets;
using Help.Server.Pages;
using Help.Server.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Help.Server.Hosting;

/// <summary>Builds and runs the viewer: one Kestrel listener on 127.0.0.1, minimal API endpoints, no MVC.</summary>
public static class ViewerServer
{
    /// <summary>Exit codes of <see cref="RunAsync"/>, as the terminal tool's: 0 stopped cleanly, 2 usage, 3 no index, 4 cannot listen.</summary>
    public const int ExitOk = 0, ExitUsage = 2, ExitNoIndex = 3, ExitCannotListen = 4;

    /// <summary>The server's own command line: parse, open the index, listen, print the URL, serve until stopped.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = ViewerOptions.Parse(args);
        if (options.ShowHelp || options.Error is not null)
        {
            if (options.Error is not null) stderr.WriteLine($"Help.Server: {options.Error}");
            (options.Error is null ? stdout : stderr).Write(ViewerOptions.Usage);
            return options.Error is null ? ExitOk : ExitUsage;
        }
        return await ServeAsync(IndexFolder.Resolve(options.IndexDir), options.Port, stdout, stderr, onListening: null, CancellationToken.None);
    }

    /// <summary>
    /// Serves <paramref name="folder"/> until Ctrl+C or <paramref name="stop"/>. The URL is the first line
    /// written to <paramref name="stdout"/>, once connections are accepted; <paramref name="onListening"/> then runs
    /// (the terminal tool opens a browser there).
    /// </summary>
    public static async Task<int> ServeAsync(IndexFolder folder, int port, TextWriter stdout, TextWriter stderr,
        Action<string>? onListening, CancellationToken stop)
    {
        var (started, failure) = await TryStartAsync(folder, port, stderr, stop);
        await using var viewer = started;
        if (viewer is null)
        {
            return failure;
        }
        stdout.WriteLine(viewer.Url);
        stdout.Flush();
        onListening?.Invoke(viewer.Url);
        using var memoryLog = MemoryLog.StartFromEnvironment(stderr);
        await viewer.App.WaitForShutdownAsync(stop);
        return ExitOk;
    }

    private static async Task<(RunningViewer? Viewer, int Failure)> TryStartAsync(IndexFolder folder, int port, TextWriter stderr, CancellationToken stop)
    {
        try
        {
            return (await StartAsync(folder, port, stop), ExitOk);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            // No index, or a damaged one: either way there is no index to serve.
            stderr.WriteLine($"Help.Server: {e.Message}");
            return (null, ExitNoIndex);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"Help.Server: cannot listen on 127.0.0.1:{port}: {e.Message} (--port 0 picks a free port)");
            return (null, ExitCannotListen);
        }
    }

    /// <summary>Opens the index and starts listening; the caller owns the result.</summary>
    public static async Task<RunningViewer> StartAsync(IndexFolder folder, int port, CancellationToken cancel = default,
        TimeSpan? generationCheckInterval = null)
    {
        var generations = IndexGenerations.Open(folder, generationCheckInterval);
        try
        {
            var app = Build(generations, port);
            await app.StartAsync(cancel);
            var address = app.Urls.First();
            return new RunningViewer(app, generations, address.EndsWith('/') ? address : address + "/");
        }
        catch
        {
            generations.Dispose();
            throw;
        }
    }

    /// <summary>The application: middleware in the order a request meets it, then the endpoints.</summary>
    public static WebApplication Build(IndexGenerations generations, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ViewerServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // stdout carries the URL first and nothing else the caller would have to parse around.
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestLineSize = Limits.MaxRequestLine;
            k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(generations);
        // gzip and Brotli for pages, JSON, the sidebar, the stylesheet and the script (the stdtypes topic is 0.5 MB of JSON).
        builder.Services.AddResponseCompression();
        builder.Services.AddSingleton(new SearchGate(SearchGate.DefaultWidth));
        builder.Services.AddOutputCache(SearchCache.Configure);
        // The tools of pyhelp mcp at /mcp (Streamable HTTP, stateless: every request stands alone, no session to keep).
        builder.Services.AddMcpServer(o =>
            {
                o.ServerInfo = HelpMcpServer.Info;
                o.ServerInstructions = HelpMcpServer.Instructions;
            })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools(HelpMcpServer.Tools(generations))
            .WithResources(HelpMcpServer.Resources(generations));

        var app = builder.Build();
        // The Host check comes first: a rebinding page gets nothing, not even an error page of ours.
        app.UseLoopbackOnly();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseConditionalGets();
        // Routing after HEAD became GET, so that every GET route answers HEAD too.
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (InvalidDataException e) when (!context.Response.HasStarted)
            {
                // Damage found past the checks made when the generation was opened (a file changed under us):
                // the index, not the server, is at fault, and a rebuild fixes it.
                Console.Error.WriteLine($"Help.Server: {context.Request.Path}: {e.Message}");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.Headers.RetryAfter = "5";
                await context.Response.WriteAsync(
                    "{\"error\":\"the index is damaged; rebuild it (pyhelp --rebuild) and the viewer picks up the new one\"}\n");
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"Help.Server: {context.Request.Path}: {e}");
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("The viewer failed on this request; the error is on its stderr.\n");
            }
        });
        // After the handler above: an answer that failed is not kept.
        app.UseOutputCache();
        app.MapMcp("/mcp");
        app.MapHealthApi();
        app.MapTopicApi();
        app.MapSearchApi();
        app.MapKeyApi();
        app.MapApiFallback();
        app.MapAssets();
        app.MapPages();
        app.MapPageFallback();
        return app;
    }
}

/// <summary>A started viewer: its URL (<c>http://127.0.0.1:PORT/</c>) and the application to stop.</summary>
public sealed class RunningViewer(WebApplication app, IndexGenerations generations, string url) : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    public IndexGenerations Generations { get; } = generations;
    public string Url { get; } = url;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Generations.Dispose();
    }
}
