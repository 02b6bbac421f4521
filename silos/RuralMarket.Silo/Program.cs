using RuralMarket.Data.Hosting;
using RuralMarket.Photos;
using RuralMarket.Search;
using RuralMarket.Search.Indexing;
using RuralMarket.Seed;
using RuralMarket.Silo;
using RuralMarket.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddTelemetry();
builder.AddRuralMarketData();
builder.AddPhotos();
builder.AddSeedData();
builder.AddSiloServices();
builder.AddSearch();

var app = builder.Build();
if (args.Contains(ReindexCommand.Name))
{
    return await ReindexCommand.RunAsync(app.Services, Console.Out, CancellationToken.None);
}
app.MapHealthEndpoints();
await app.RunAsync();
return 0;
