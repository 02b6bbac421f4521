using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Notices;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Notices.Sms;

/// <summary>
/// Brandname SMS through the gateway's JSON API: one POST per message, <c>CodeResult</c> "100" when accepted. The
/// notice's id is the <c>RequestId</c>, which the gateway uses to refuse the same request twice. Codes 99 (the
/// gateway's own error) and 103 (balance) may pass; anything else (a wrong key, brandname or number) will not.
/// </summary>
public sealed class BrandnameSms(IHttpClientFactory clients, IOptions<SmsOptions> options) : INoticeChannel
{
    public const string HttpClientName = "notices-sms";
    private const string SendPath = "MainService.svc/json/SendMultipleMessage_V4_post_json/";

    public string Name => "sms";

    public bool IsOn => options.Value.Enabled;

    public bool Reaches(string recipient, NoticeKind kind) => IsPhone(recipient);

    public async Task<NoticeDelivery> SendAsync(OutgoingNotice notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var text = SmsText.Of(notice.Text);
        var body = new Dictionary<string, string>
        {
            ["ApiKey"] = settings.ApiKey,
            ["SecretKey"] = settings.SecretKey,
            ["Phone"] = notice.Recipient,
            ["Content"] = text.Text,
            ["Brandname"] = settings.Brandname,
            ["SmsType"] = settings.SmsType,
            ["IsUnicode"] = text.Encoding == SmsEncoding.Ucs2 ? "1" : "0",
            ["RequestId"] = notice.Id.ToString("N"),
        };
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(SendPath, body, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return NoticeDelivery.TryAgain($"the gateway answered {(int)response.StatusCode}");
            }
            using var json = JsonDocument.Parse(answer);
            var code = json.RootElement.TryGetProperty("CodeResult", out var c) ? c.ToString() : string.Empty;
            var error = json.RootElement.TryGetProperty("ErrorMessage", out var m) ? m.ToString() : answer;
            return code switch
            {
                "100" => NoticeDelivery.Accepted(json.RootElement.TryGetProperty("SMSID", out var id) ? id.ToString() : notice.Id.ToString("N")),
                "99" or "103" => NoticeDelivery.TryAgain($"CodeResult {code}: {error}"),
                _ => NoticeDelivery.Refused($"CodeResult {code}: {error}"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return NoticeDelivery.TryAgain($"{e.GetType().Name}: {e.Message}");
        }
    }

    internal static bool IsPhone(string recipient)
    {
        try
        {
            return VietnamesePhone.Normalize(recipient) == recipient;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
