using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Notices;
using RuralMarket.Notices.Sms;

namespace RuralMarket.Notices.Zalo;

/// <summary>
/// ZNS: <c>POST message/template</c> with the <c>access_token</c> header and <c>{ phone: "84…", template_id,
/// template_data, tracking_id }</c>; <c>error</c> 0 means sent. The notice's id is the tracking id. A refusal with
/// an error code is final for that message (no Zalo account, template not approved); a failure to reach Zalo is not.
/// </summary>
public sealed class ZaloNotices(IHttpClientFactory clients, IOptions<ZaloOptions> options) : INoticeChannel
{
    public const string HttpClientName = "notices-zalo";

    public string Name => "zalo";

    public bool IsOn => options.Value.Enabled;

    public bool Reaches(string recipient, NoticeKind kind) => BrandnameSms.IsPhone(recipient) && options.Value.Templates.ContainsKey(kind.Name);

    public async Task<NoticeDelivery> SendAsync(OutgoingNotice notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = new
        {
            phone = "84" + notice.Recipient[1..],
            template_id = settings.Templates[notice.Kind.Name],
            template_data = notice.Fields,
            tracking_id = notice.Id.ToString("N"),
        };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "message/template") { Content = JsonContent.Create(body) };
            request.Headers.Add("access_token", settings.AccessToken);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return NoticeDelivery.TryAgain($"Zalo answered {(int)response.StatusCode}");
            }
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.TryGetInt32(out var code) ? code : int.MinValue;
            if (error == 0 && root.TryGetProperty("data", out var data) && data.TryGetProperty("msg_id", out var id))
            {
                return NoticeDelivery.Accepted(id.ToString());
            }
            var message = root.TryGetProperty("message", out var m) ? m.ToString() : answer;
            return NoticeDelivery.Refused($"error {error}: {message}");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return NoticeDelivery.TryAgain($"{e.GetType().Name}: {e.Message}");
        }
    }
}
