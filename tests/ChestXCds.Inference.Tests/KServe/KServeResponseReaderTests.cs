using System.Buffers.Binary;
using System.Text;
using ChestXCds.Inference.KServe;

namespace ChestXCds.Inference.Tests.KServe;

public class KServeResponseReaderTests
{
    [Fact]
    public void GivenTwoBinaryOutputs_WhenReadingTheSecond_ThenItsBytesFollowTheFirstOnes()
    {
        var json = Encoding.UTF8.GetBytes(
            """{"outputs":[{"name":"features","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":8}},{"name":"logits","datatype":"FP32","shape":[1,3],"parameters":{"binary_data_size":12}}]}""");
        var body = new byte[json.Length + 20];
        json.CopyTo(body, 0);
        float[] values = [9f, 9f, 0.25f, -1.5f, 3f];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(json.Length + (4 * i)), values[i]);
        }

        var (data, shape) = KServeResponseReader.ReadOutput(body, json.Length, "logits");

        Assert.Equal([0.25f, -1.5f, 3f], data);
        Assert.Equal([1L, 3L], shape);
    }

    [Fact]
    public void GivenNestedJsonData_WhenRead_ThenItIsFlattenedRowMajor()
    {
        var json = Encoding.UTF8.GetBytes("""{"outputs":[{"name":"logits","datatype":"FP32","shape":[2,2],"data":[[1,2],[3,4]]}]}""");

        var (data, _) = KServeResponseReader.ReadOutput(json, json.Length, "logits");

        Assert.Equal([1f, 2f, 3f, 4f], data);
    }

    [Theory]
    [InlineData("""{"outputs":[{"name":"logits","datatype":"INT64","shape":[1],"data":[1]}]}""", "datatype 'INT64'")]
    [InlineData("""{"outputs":[{"name":"other","datatype":"FP32","shape":[1],"data":[1]}]}""", "no output named 'logits'")]
    [InlineData("""{"model_name":"x"}""", "no 'outputs' array")]
    [InlineData("""{"outputs":[{"name":"logits","datatype":"FP32","shape":[1,3],"data":[1,2]}]}""", "2 values for shape [1,3]")]
    [InlineData("""<html>""", "not protocol JSON")]
    [InlineData("""{"outputs":[{"name":"logits","datatype":"FP32","shape":[1,1],"data":["x"]}]}""", "does not follow the protocol")]
    public void GivenResponseThatIsNotTheProtocol_WhenRead_ThenInferenceServerExceptionSaysWhat(string text, string expected)
    {
        var body = Encoding.UTF8.GetBytes(text);

        var ex = Assert.Throws<InferenceServerException>(() => KServeResponseReader.ReadOutput(body, body.Length, "logits"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
