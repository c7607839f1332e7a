using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.CdsHooks.Tests.Contracts;

/// <summary>REQ-ANA-06: an action's resource is written exactly as serialised and read back from any JSON object.</summary>
public sealed class ActionResourceTests
{
    private const string Observation = """{"resourceType":"Observation","id":"o-1","status":"final","code":{"text":"Effusion"},"valueQuantity":{"value":0.70}}""";

    [Fact]
    public void GivenSerialisedJson_WhenTaken_ThenItsTypeAndIdAreRead()
    {
        var resource = ActionResource.FromUtf8Json(Encoding.UTF8.GetBytes(Observation));

        Assert.Equal("Observation", resource.ResourceType);
        Assert.Equal("o-1", resource.Id);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"Observation\"")]
    [InlineData("{\"resourceType\":\"Observation\"")]
    [InlineData("{\"resourceType\":\"Observation\"} {}")]
    public void GivenSomethingOtherThanOneObject_WhenTaken_ThenRefused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ActionResource.FromUtf8Json(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void GivenAResponse_WhenSerialised_ThenTheResourceBytesAreCopiedAsTheyAre()
    {
        // "0.70" stays "0.70": the bytes are not parsed and written again.
        var card = new Card
        {
            Summary = "s",
            Indicator = CardIndicator.Info,
            Source = new CardSource("ChestXCds"),
            Suggestions = [new Suggestion("Record", [new CdsAction("create", "Record it", ActionResource.FromUtf8Json(Encoding.UTF8.GetBytes(Observation)))])],
        };

        var json = JsonSerializer.Serialize(new CdsHooksResponse([card]), CdsHooksJson.Options);

        Assert.Contains("\"resource\":" + Observation, json, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAResponse_WhenReadBack_ThenTheActionHoldsTheResource()
    {
        var json = "{\"type\":\"create\",\"description\":\"d\",\"resource\":" + Observation + "}";

        var action = JsonSerializer.Deserialize<CdsAction>(json, CdsHooksJson.Options)!;

        Assert.Equal("Observation", action.Resource!.ResourceType);
        Assert.Equal("final", action.Resource.ToJsonObject()["status"]!.GetValue<string>());
    }

    [Fact]
    public void GivenAJsonObject_WhenTaken_ThenItIsSerialisedOnce()
    {
        var resource = ActionResource.FromJsonObject(new JsonObject { ["resourceType"] = "Device", ["id"] = "d1" });

        Assert.Equal("""{"resourceType":"Device","id":"d1"}""", Encoding.UTF8.GetString(resource.Utf8Json.Span));
    }
}
