namespace Provisioning.Model;

/// <summary>
/// Compares ids as <see cref="ArmResourceId"/> does (ignoring case), and finds one from its text without making a
/// string: an id read from a state file or a list page is looked up by its characters, and found only when they are
/// exactly its text (case included), so that what is shared is always printed as its source wrote it.
/// </summary>
internal sealed class ArmResourceIdTextComparer : IEqualityComparer<ArmResourceId>, IAlternateEqualityComparer<ReadOnlySpan<char>, ArmResourceId>
{
    public static ArmResourceIdTextComparer Instance { get; } = new();

    public bool Equals(ArmResourceId x, ArmResourceId y) => x.Equals(y);

    public int GetHashCode(ArmResourceId obj) => obj.GetHashCode();

    public bool Equals(ReadOnlySpan<char> alternate, ArmResourceId other) => other.TextEquals(alternate);

    public int GetHashCode(ReadOnlySpan<char> alternate) => ArmResourceId.HashOf(alternate);

    public ArmResourceId Create(ReadOnlySpan<char> alternate) => ArmResourceId.Parse(alternate.ToString());
}
