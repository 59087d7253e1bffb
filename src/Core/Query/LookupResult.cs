using Help.Core.Index;
using Help.Core.Model;

namespace Help.Core.Query;

public enum LookupStatus
{
    /// <summary>One topic answers the key.</summary>
    Found,
    /// <summary>Several topics match the key's last name equally well; <see cref="LookupResult.Candidates"/> lists them, best first.</summary>
    Ambiguous,
    /// <summary>Nothing matches; <see cref="LookupResult.Candidates"/> holds close spellings.</summary>
    NotFound,
}

/// <summary>How a key was matched to a topic, best first.</summary>
public enum KeyMatch
{
    /// <summary>The key as typed.</summary>
    Exact,
    /// <summary>The key ignoring case.</summary>
    IgnoringCase,
    /// <summary>The key's trailing dotted components (<c>Executor.submit</c>).</summary>
    Suffix,
    /// <summary>A bare special name (<c>__init__</c>) taken as the language reference's.</summary>
    SpecialName,
}

/// <summary>The answer to a key: a topic, a choice to make, or suggestions.</summary>
public sealed record LookupResult(LookupStatus Status, Topic? Topic, IReadOnlyList<KeyEntry> Candidates)
{
    /// <summary>How the key was matched; null when it was not.</summary>
    public KeyMatch? MatchedBy { get; init; }
}
