using RuralMarket.Data.Orders;

namespace RuralMarket.Data.Tests.Orders;

public class OrderCodeTests
{
    [Theory]
    [InlineData("MBVCB.3278907687.RMQ5YNGYCV.CT tu 0123456 NGUYEN THI LAN", "RMQ5YNGYCV")]
    [InlineData("thanh toan rmq5yngycv cam on", "RMQ5YNGYCV")] // banks may lower-case
    [InlineData("THANHTOANRMQ5YNGYCVCAMON", "RMQ5YNGYCV")] // or run the words together
    [InlineData("FARM RMQ5YNGYCV", "RMQ5YNGYCV")] // "RM" inside a word is no code when the letters after it are not one
    public void A_code_is_found_anywhere_in_a_bank_memo(string memo, string code) => Assert.Contains(code, OrderCodes.CandidatesIn(memo));

    [Theory]
    [InlineData("ung ho dong bao vung lu")]
    [InlineData("RMQ5YNGY")] // too short
    [InlineData("RMQ5YNGYCI")] // I is not a code letter
    public void A_memo_without_a_code_has_no_candidate(string memo) => Assert.Empty(OrderCodes.CandidatesIn(memo));

    [Fact]
    public void Every_new_code_is_found_in_a_memo_that_holds_it()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = OrderCodes.NewCode();
            Assert.Contains(code, OrderCodes.CandidatesIn($"IBFT {code.ToLowerInvariant()} chuyen khoan"));
        }
    }
}
