using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Tests.Ai;

/// <summary>Options that never change, for classes that take an <see cref="IOptionsMonitor{TOptions}"/>.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
