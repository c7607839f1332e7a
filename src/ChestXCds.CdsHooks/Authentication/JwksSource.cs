namespace ChestXCds.CdsHooks.Authentication;

/// <summary>A JWKS location: a URL to fetch or a file to read.</summary>
/// <param name="Location">The URL or the file path.</param>
/// <param name="IsFile">True for a file.</param>
public sealed record JwksSource(string Location, bool IsFile)
{
    public static JwksSource Url(string url) => new(url, false);

    public static JwksSource File(string path) => new(path, true);
}
