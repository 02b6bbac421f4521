using RuralMarket.Data.Hosting;
using RuralMarket.Search;
using RuralMarket.Seed;
using RuralMarket.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddRuralMarketData();
builder.AddSeedData();
builder.AddSiloServices();
builder.AddSearch();

var app = builder.Build();
app.MapHealthEndpoints();
app.Run();
