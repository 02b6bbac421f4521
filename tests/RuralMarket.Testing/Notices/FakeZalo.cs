namespace RuralMarket.Testing.Notices;

/// <summary>A fake of Zalo's ZNS endpoint (<c>POST /message/template</c> with an <c>access_token</c> header): answers <c>error</c> 0 with a <c>msg_id</c>, or a test's error.</summary>
public sealed class FakeZalo : FakeHttpService
{
    public const string SendPath = "/message/template";
    public const string AccessToken = "fake-zalo-access-token";

    public FakeZalo() => WillAnswer(0);

    public void WillAnswer(int error, string message = "Success") =>
        Answer(SendPath, 200, error == 0
            ? new { error = 0, message, data = new { msg_id = Guid.NewGuid().ToString("N"), sent_time = "1733299200000" } }
            : (object)new { error, message });
}
