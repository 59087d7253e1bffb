namespace Help.Server.Api;

/// <summary>Topic keys as they arrive in a path.</summary>
internal static class RouteKeys
{
    /// <summary>
    /// Kestrel decodes a path except <c>%2F</c>, which it keeps so that segments stay apart; a key holds
    /// slashes (<c>//</c>, <c>library/asyncio</c>), so decode that one here.
    /// </summary>
    public static string Decode(string? routeValue) =>
        (routeValue ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of a key's viewer page.</summary>
    public static string TopicPath(string key) => "/topic/" + Uri.EscapeDataString(key);
}
