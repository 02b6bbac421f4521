using RuralMarket.Data.Hosting;
using RuralMarket.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddRuralMarketData();
builder.AddSiloServices();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
