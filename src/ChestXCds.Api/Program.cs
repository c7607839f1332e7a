using ChestXCds.Api.Endpoints;
using ChestXCds.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();   // OpenTelemetry, health checks, problem details
builder.AddChestXApi();         // hook pipeline, CDS client auth (+ Entra ID), CORS, feedback store

var app = builder.Build();

app.UseChestXApi();             // errors, CORS, authentication, authorization
app.MapDefaultEndpoints();      // /health/live, /health/ready
app.MapCdsHooks();              // /cds-services
app.MapAnalysis();              // /analysis/precompute

app.Run();

/// <summary>Entry point, public so WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
