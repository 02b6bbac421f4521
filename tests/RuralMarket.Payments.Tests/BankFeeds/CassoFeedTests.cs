using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.BankFeeds;
using RuralMarket.Payments.BankFeeds.Casso;

namespace RuralMarket.Payments.Tests.BankFeeds;

public class CassoFeedTests
{
    // The checksum key, body and header of the verification example in Casso's webhook v2 documentation.
    private const string Key = "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs";
    private const string Header = "t=1727948258788,v1=ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3";
    private const string Documented = """
        {"error":0,"data":{"id":0,"reference":"MA_GIAO_DICH_THU_NGHIEM","description":"giao dich thu nghiem","amount":599000,
         "runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","accountNumber":"88888888","bankName":"VPBank",
         "bankAbbreviation":"VPB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A",
         "counterAccountNumber":"8888888888","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"}}
        """;

    private static readonly CassoFeed Feed = new(Options.Create(new CassoOptions { Enabled = true, ChecksumKey = Key }));

    [Fact]
    public void The_documented_example_authenticates_and_any_change_to_it_does_not()
    {
        Assert.True(Feed.Authenticates(Signed(Header), Documented));
        Assert.False(Feed.Authenticates(Signed(Header), Documented.Replace("599000", "599001", StringComparison.Ordinal)));
        Assert.False(Feed.Authenticates(Signed(Header.Replace("t=1727948258788", "t=1727948258789", StringComparison.Ordinal)), Documented));
        Assert.False(Feed.Authenticates(Signed(null), Documented));
        Assert.False(Feed.Authenticates(Signed("t=1727948258788"), Documented));
        Assert.False(Feed.Authenticates(Signed(Header), "not json"));
        var otherKey = new CassoFeed(Options.Create(new CassoOptions { Enabled = true, ChecksumKey = Key[1..] }));
        Assert.False(otherKey.Authenticates(Signed(Header), Documented));
    }

    [Fact]
    public void The_same_order_of_keys_is_signed_however_the_body_was_laid_out()
    {
        const string reordered = """{"data":{"amount":599000,"id":0,"description":"giao dich thu nghiem","reference":"MA_GIAO_DICH_THU_NGHIEM","runningBalance":25000000,"transactionDateTime":"2024-10-03 15:06:37","accountNumber":"88888888","bankName":"VPBank","bankAbbreviation":"VPB","virtualAccountNumber":"","virtualAccountName":"","counterAccountName":"NGUYEN VAN A","counterAccountNumber":"8888888888","counterAccountBankId":"970415","counterAccountBankName":"VietinBank"},"error":0}""";
        Assert.True(Feed.Authenticates(Signed(Header), reordered));
        Assert.Equal(Header, CassoFeed.SignatureHeaderOf(Key, 1727948258788, reordered));
    }

    [Fact]
    public void A_memo_with_slashes_and_diacritics_signed_as_php_escapes_them_also_authenticates()
    {
        // Made outside .NET with Python: json.dumps(sort_keys, ensure_ascii) with "/" escaped, as PHP's json_encode writes it.
        const string body = """{"error":0,"data":{"id":1234,"description":"CT/123 thanh toán RM1A2B3C","amount":150000,"transactionDateTime":"2026-12-03 14:02:37","accountNumber":"88888888"}}""";
        const string php = "t=1764745357000,v1=8de4faa14e8da5d7bfdae47a9f878b9f490b8eddedb2179104c792653aeb789653ebe495ae190a919365b128cd449f0b092f7804348d186f8b7f5614451e856b";
        const string javaScript = "t=1764745357000,v1=7a84ff707737ca3bacf82d42b0ca937c8b2817b6983fca144f1179a5538f8f3e3ea30db45808dd216d1bfb6e8dfe075e31cd5d1f501a2f7bfd5c9ecb60e09d62";

        Assert.True(Feed.Authenticates(Signed(php), body));
        Assert.True(Feed.Authenticates(Signed(javaScript), body));
        Assert.Equal(javaScript, CassoFeed.SignatureHeaderOf(Key, 1764745357000, body));
    }

    [Fact]
    public void The_documented_transaction_reads_as_one_incoming_transfer_and_a_negative_amount_as_money_going_out()
    {
        var transfer = Assert.Single(Feed.Read(Documented));
        Assert.Equal(new IncomingTransfer("0", Money.FromDong(599_000), "giao dich thu nghiem", "88888888",
            new DateTimeOffset(2024, 10, 3, 15, 6, 37, TimeSpan.FromHours(7)), true), transfer);

        var outgoing = Assert.Single(Feed.Read(Documented.Replace("599000", "-599000", StringComparison.Ordinal)));
        Assert.False(outgoing.Incoming);
        Assert.Equal(Money.FromDong(599_000), outgoing.Amount);
    }

    [Theory]
    [InlineData("{\"error\":0,\"data\":[]}")]
    [InlineData("{\"error\":0}")]
    [InlineData("{\"error\":0,\"data\":{\"id\":1,\"amount\":0,\"transactionDateTime\":\"2024-10-03 15:06:37\"}}")]
    [InlineData("{\"error\":0,\"data\":{\"id\":1,\"amount\":1.5,\"transactionDateTime\":\"2024-10-03 15:06:37\"}}")]
    [InlineData("{\"error\":0,\"data\":{\"amount\":5,\"transactionDateTime\":\"2024-10-03 15:06:37\"}}")]
    [InlineData("{\"error\":0,\"data\":{\"id\":1,\"amount\":5,\"transactionDateTime\":\"03/10/2024\"}}")]
    public void A_body_missing_what_a_transfer_needs_is_malformed(string body) => Assert.Throws<MalformedFeedException>(() => Feed.Read(body));

    private static Func<string, string?> Signed(string? header) => name => name == "X-Casso-Signature" ? header : null;
}
