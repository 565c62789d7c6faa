namespace Sandbox.Protocols.Pop3;

/// <summary>One parsed command line: the command and its space-separated arguments.</summary>
internal sealed record Pop3Request(Pop3Command Command, IReadOnlyList<string> Arguments)
{
    public int Count => Arguments.Count;

    public string this[int index] => Arguments[index];
}
