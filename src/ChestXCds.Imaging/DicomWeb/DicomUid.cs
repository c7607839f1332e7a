namespace ChestXCds.Imaging.DicomWeb;

/// <summary>PS3.5 9.1: a UID is at most 64 characters of digits and dots. Checked before a UID goes into a URL path.</summary>
public static class DicomUid
{
    public static bool IsValid(string? uid) =>
        !string.IsNullOrEmpty(uid) && uid.Length <= 64 && uid.All(c => c is '.' or (>= '0' and <= '9'))
        && uid[0] != '.' && uid[^1] != '.' && !uid.Contains("..", StringComparison.Ordinal);
}
