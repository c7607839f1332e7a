namespace ChestXCds.Cli.Demo;

/// <summary>The service configuration of the demo (and of the end-to-end tests), as configuration keys.</summary>
public static class DemoServiceSettings
{
    /// <summary>The demo EHR's issuer, allow-listed with its JWKS file; the model from the shared models; a scratch feedback store.</summary>
    public static Dictionary<string, string> Create(string issuer, string jwksFile, string modelsRoot, string workDirectory) => new()
    {
        ["CdsClients:Clients:0:Issuer"] = issuer,
        ["CdsClients:Clients:0:JwksFile"] = jwksFile,
        ["CHESTX_MODELS"] = modelsRoot,
        ["Inference:ModelsRoot"] = modelsRoot,
        ["Feedback:DatabasePath"] = Path.Combine(workDirectory, "feedback.db"),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:ChestXCds.Analysis.Analyzing"] = "Information",
    };
}
