using RuralMarket.Data.Hosting;
using RuralMarket.Seed;
using RuralMarket.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddRuralMarketData();
builder.AddSeedData();
builder.AddSiloServices();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
