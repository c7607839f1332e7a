using Microsoft.Extensions.Options;

namespace ChestXCds.Testing;

/// <summary>
/// Options that never change, for classes that take an <see cref="IOptionsMonitor{TOptions}"/>. Compiled into the test
/// projects that use options (tests/Directory.Build.props, UsesOptionsHelpers).
/// </summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
