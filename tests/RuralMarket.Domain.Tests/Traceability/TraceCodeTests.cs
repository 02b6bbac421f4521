using RuralMarket.Domain.Traceability;

namespace RuralMarket.Domain.Tests.Traceability;

public sealed class TraceCodeTests
{
    [Fact]
    public void New_codes_are_eight_readable_characters_and_do_not_repeat_or_follow_each_other()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => TraceCode.New()).ToList();

        Assert.All(codes, c => Assert.Equal(c, TraceCode.Read(c)));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L', 'U']) >= 0);
        // Neighbouring codes share no more leading characters than chance allows (a counter would share seven).
        var shared = codes.Zip(codes.Skip(1), (a, b) => a.Zip(b).TakeWhile(p => p.First == p.Second).Count());
        Assert.True(shared.Average() < 0.2, $"codes look sequential: {shared.Average()}");
    }

    [Theory]
    [InlineData(" k7m2x9pq ", "K7M2X9PQ")]
    [InlineData("K7M2X9PQ", "K7M2X9PQ")]
    [InlineData("K7M2X9P", null)]
    [InlineData("K7M2X9PO", null)] // O is left out so it is never read as 0
    [InlineData("<script>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Read_accepts_what_a_person_types_and_refuses_what_cannot_be_a_code(string? typed, string? expected) =>
        Assert.Equal(expected, TraceCode.Read(typed));
}
