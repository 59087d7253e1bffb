using System.Text.Encodings.Web;
using System.Text.Json;
using Help.Core.Model;
using Help.Server.Security;

namespace Help.Server.Api;

/// <summary>JSON answers, written while the request still holds its index generation.</summary>
internal static class ApiResults
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes now, into a buffer, and returns a result that only copies bytes.</summary>
    public static IResult Json(int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }
        return new Bytes(status, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static IResult Error(int status, string message) => Json(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    /// <summary>A <c>limit</c> parameter: absent gives <paramref name="fallback"/>, else 1 to <see cref="Limits.MaxLimit"/>.</summary>
    public static bool TryLimit(string? raw, int fallback, out int limit, out IResult? error)
    {
        error = null;
        limit = fallback;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }
        if (int.TryParse(raw, System.Globalization.NumberStyles.None, null, out limit) && limit is >= 1 and <= Limits.MaxLimit)
        {
            return true;
        }
        error = Error(StatusCodes.Status400BadRequest, $"limit must be a number from 1 to {Limits.MaxLimit}");
        return false;
    }

    /// <summary>A <c>kind</c> parameter: absent is any kind, else one of <see cref="TopicKinds.Name"/>.</summary>
    public static bool TryKind(string? raw, out TopicKind? kind, out IResult? error)
    {
        error = null;
        kind = null;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }
        if (TopicKinds.TryParse(raw, out var k))
        {
            kind = k;
            return true;
        }
        error = Error(StatusCodes.Status400BadRequest,
            $"kind must be one of: {string.Join(", ", Enum.GetValues<TopicKind>().Select(TopicKinds.Name))}");
        return false;
    }

    private sealed class Bytes(int status, ReadOnlyMemory<byte> body) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
