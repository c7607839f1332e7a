namespace ChestXCds.Imaging.Tests;

public sealed class ImagingAssemblyTests
{
    // REQ-IMG-09: the Orthanc launcher (a bash watchdog around a PACS process) is demo and test scaffolding and stays out of the service library.
    [Fact]
    public void GivenTheImagingLibrary_WhenItsTypesAreListed_ThenNoOrthancScaffoldingShipsInIt()
    {
        var types = typeof(IChestImageRetriever).Assembly.GetTypes();

        Assert.DoesNotContain(types, t => t.FullName!.Contains("Orthanc", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(typeof(IChestImageRetriever).Assembly.GetReferencedAssemblies(), a => a.Name == "ChestXCds.Cli");
    }
}
