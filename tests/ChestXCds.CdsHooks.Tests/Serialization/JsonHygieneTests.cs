using System.Text.Json.Nodes;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.CdsHooks.Tests.Serialization;

// REQ-CDS-05: no null or empty members in responses.
public sealed class JsonHygieneTests
{
    [Fact]
    public void GivenNullEmptyStringArrayAndObject_WhenScanned_ThenEachPathReported()
    {
        var node = JsonNode.Parse("""{"a":null,"b":"","c":[],"d":{},"e":{"f":[1,{"g":""}]},"ok":"x"}""");

        var found = JsonHygiene.FindEmptyMembers(node);

        Assert.Equal(["$.a", "$.b", "$.c", "$.d", "$.e.f[1].g"], found);
    }

    [Fact]
    public void GivenAllowedEmptyPath_WhenScanned_ThenNotReported() =>
        Assert.Empty(JsonHygiene.FindEmptyMembers(JsonNode.Parse("""{"cards":[]}"""), "$.cards"));
}
