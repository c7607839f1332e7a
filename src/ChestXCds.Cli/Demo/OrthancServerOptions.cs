namespace ChestXCds.Cli.Demo;

/// <summary>How <see cref="OrthancServer"/> starts Orthanc (Debian packages orthanc and orthanc-dicomweb).</summary>
public sealed class OrthancServerOptions
{
    /// <summary>The Orthanc executable. Default /usr/sbin/Orthanc (Debian).</summary>
    public string ExecutablePath { get; set; } = "/usr/sbin/Orthanc";

    /// <summary>The DICOMweb plugin. Default /usr/share/orthanc/plugins/libOrthancDicomWeb.so (Debian).</summary>
    public string DicomWebPluginPath { get; set; } = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    /// <summary>Loopback HTTP port. Default 0: a free port is chosen.</summary>
    public int HttpPort { get; set; }

    /// <summary>
    /// Storage and index folder. Default null: a new folder under the system temp folder, deleted on
    /// dispose. A given folder is kept (the demo can reuse it).
    /// </summary>
    public string? StorageDirectory { get; set; }

    /// <summary>How long to wait for Orthanc to answer HTTP after launch. Default 30 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orthanc's Name (shown in its Explorer). Default ChestXCds.</summary>
    public string Name { get; set; } = "ChestXCds";
}
