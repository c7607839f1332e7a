var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point, public so WebApplicationFactory can reach it from tests.</summary>
public partial class Program;
