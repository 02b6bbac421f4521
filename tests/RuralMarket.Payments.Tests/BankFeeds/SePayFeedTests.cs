using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.BankFeeds;
using RuralMarket.Payments.BankFeeds.SePay;

namespace RuralMarket.Payments.Tests.BankFeeds;

public class SePayFeedTests
{
    private static readonly SePayFeed Feed = new(Options.Create(new SePayOptions { Enabled = true, ApiKey = "test-sepay-api-key-0001" }));

    // The example transaction from SePay's webhook documentation.
    private const string Documented = """
        {"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37","accountNumber":"0123499999","code":null,
         "content":"chuyen tien mua iphone","transferType":"in","transferAmount":2277000,"accumulated":19077000,"subAccount":null,
         "referenceCode":"MBVCB.3278907687","description":""}
        """;

    [Fact]
    public void The_documented_transaction_reads_as_one_incoming_transfer_in_vietnam_time()
    {
        var transfer = Assert.Single(Feed.Read(Documented));
        Assert.Equal(new IncomingTransfer("92704", Money.FromDong(2_277_000), "chuyen tien mua iphone", "0123499999",
            new DateTimeOffset(2023, 3, 25, 14, 2, 37, TimeSpan.FromHours(7)), true), transfer);
        Assert.False(Assert.Single(Feed.Read(Documented.Replace("\"in\"", "\"out\"", StringComparison.Ordinal))).Incoming);
    }

    [Theory]
    [InlineData("Apikey test-sepay-api-key-0001", true)]
    [InlineData("Apikey test-sepay-api-key-0002", false)]
    [InlineData("Bearer test-sepay-api-key-0001", false)]
    [InlineData(null, false)]
    public void Only_the_configured_api_key_authenticates(string? header, bool accepted) =>
        Assert.Equal(accepted, Feed.Authenticates(name => name == "Authorization" ? header : null, Documented));

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"id\":1,\"transferAmount\":-5,\"transactionDate\":\"2023-03-25 14:02:37\",\"transferType\":\"in\"}")]
    [InlineData("{\"id\":1,\"transferAmount\":1.5,\"transactionDate\":\"2023-03-25 14:02:37\",\"transferType\":\"in\"}")]
    [InlineData("{\"id\":1,\"transferAmount\":5,\"transactionDate\":\"25/03/2023\",\"transferType\":\"in\"}")]
    [InlineData("{\"id\":1,\"transferAmount\":5,\"transactionDate\":\"2023-03-25 14:02:37\",\"transferType\":\"sideways\"}")]
    [InlineData("{\"transferAmount\":5,\"transactionDate\":\"2023-03-25 14:02:37\",\"transferType\":\"in\"}")]
    [InlineData("{ not json")]
    public void A_body_missing_what_a_transfer_needs_is_malformed(string body) => Assert.Throws<MalformedFeedException>(() => Feed.Read(body));

    [Fact]
    public void Switched_on_without_a_key_nothing_authenticates()
    {
        var keyless = new SePayFeed(Options.Create(new SePayOptions { Enabled = true }));
        Assert.False(keyless.Authenticates(_ => "Apikey ", Documented));
    }
}
