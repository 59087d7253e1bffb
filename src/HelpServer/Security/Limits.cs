namespace Help.Server.Security;

/// <summary>Bounds on what a request may ask, so one request cannot make the server do unbounded work.</summary>
public static class Limits
{
    /// <summary>No key in the Python docs comes near this; a longer one is refused with 414.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>A search longer than this is refused with 400.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>The most results or completions one request returns.</summary>
    public const int MaxLimit = 100;

    /// <summary>Kestrel's request line limit: a longer URL is refused with 414 before routing.</summary>
    public const int MaxRequestLine = 4 * 1024;
}
