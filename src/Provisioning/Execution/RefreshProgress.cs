namespace Provisioning.Execution;

/// <summary>How far a refresh is: parents listed out of all, and children read so far.</summary>
/// <param name="ParentsListed">Parents whose every page has been read (or that were found missing).</param>
/// <param name="Parents">Parents to list.</param>
/// <param name="Resources">Children read so far, across all parents.</param>
public readonly record struct RefreshProgress(int ParentsListed, int Parents, int Resources);
