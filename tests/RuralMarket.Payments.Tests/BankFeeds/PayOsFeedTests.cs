using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.BankFeeds;
using RuralMarket.Payments.BankFeeds.PayOs;

namespace RuralMarket.Payments.Tests.BankFeeds;

public class PayOsFeedTests
{
    // The "webhook" case of payOS's own SDK test cases (payos-lib-node and payos-lib-python, tests/…/testCases.json):
    // these data signed with the checksum key "test_checksum_key".
    private const string Key = "test_checksum_key";
    private const string Signature = "302b3becca1672dff99daafae2965f40e48ea3ca39453e4bf37fbcc26807a0e8";
    private const string Data = """
        {"accountNumber":"0123456789","amount":20000,"description":"thanh toan","reference":"FT-REFERENCE",
         "transactionDateTime":"2025-12-12 09:00:00","virtualAccountNumber":"","counterAccountBankId":"01202001",
         "counterAccountBankName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"9876543210",
         "virtualAccountName":"","currency":"VND","orderCode":0,"paymentLinkId":"payment-link-id","code":"00","desc":"success"}
        """;

    private static readonly PayOsFeed Feed = new(Options.Create(new PayOsOptions { Enabled = true, ChecksumKey = Key }));

    [Fact]
    public void The_published_vector_authenticates_and_any_change_to_it_does_not()
    {
        Assert.True(Feed.Authenticates(NoHeaders, Body(Data, Signature)));
        Assert.Equal(Signature, PayOsFeed.SignatureOf(Key, JsonDocument.Parse(Data).RootElement));
        Assert.False(Feed.Authenticates(NoHeaders, Body(Data.Replace("20000", "20001", StringComparison.Ordinal), Signature)));
        Assert.False(Feed.Authenticates(NoHeaders, Body(Data, Signature.Replace('3', '4'))));
        Assert.False(Feed.Authenticates(NoHeaders, Body(Data, "")));
        Assert.False(Feed.Authenticates(NoHeaders, "{\"signature\":\"" + Signature + "\"}"));
        Assert.False(Feed.Authenticates(NoHeaders, "not json"));
        var otherKey = new PayOsFeed(Options.Create(new PayOsOptions { Enabled = true, ChecksumKey = "another_checksum_key" }));
        Assert.False(otherKey.Authenticates(NoHeaders, Body(Data, Signature)));
    }

    [Fact]
    public void Null_is_signed_as_nothing_like_an_empty_string()
    {
        var withNulls = Data.Replace("\"counterAccountBankName\":\"\"", "\"counterAccountBankName\":null", StringComparison.Ordinal);
        Assert.True(Feed.Authenticates(NoHeaders, Body(withNulls, Signature)));
    }

    [Fact]
    public void A_paid_webhook_reads_as_one_incoming_transfer_under_the_bank_reference_and_another_code_pays_nothing()
    {
        var transfer = Assert.Single(Feed.Read(Body(Data, Signature)));
        Assert.Equal(new IncomingTransfer("FT-REFERENCE", Money.FromDong(20_000), "thanh toan", "0123456789",
            new DateTimeOffset(2025, 12, 12, 9, 0, 0, TimeSpan.FromHours(7)), true), transfer);

        Assert.False(Assert.Single(Feed.Read(Body(Data.Replace("\"code\":\"00\"", "\"code\":\"01\"", StringComparison.Ordinal), Signature))).Incoming);
    }

    [Theory]
    [InlineData("{\"code\":\"00\"}")]
    [InlineData("{\"data\":{\"reference\":\"FT1\",\"amount\":0,\"transactionDateTime\":\"2025-12-12 09:00:00\"}}")]
    [InlineData("{\"data\":{\"amount\":5,\"transactionDateTime\":\"2025-12-12 09:00:00\"}}")]
    [InlineData("{\"data\":{\"reference\":\"FT1\",\"amount\":5}}")]
    public void A_body_missing_what_a_transfer_needs_is_malformed(string body) => Assert.Throws<MalformedFeedException>(() => Feed.Read(body));

    private static string? NoHeaders(string name) => null;

    private static string Body(string data, string signature) =>
        $$"""{"code":"00","desc":"success","success":true,"data":{{data}},"signature":"{{signature}}"}""";
}
