using Microsoft.Extensions.Localization;
using RuralMarket.Payments.BankFeeds;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Hosting;

namespace RuralMarket.Web.Payments;

/// <summary>
/// Bank-feed webhooks at <c>/webhooks/{provider}</c> (<c>sepay</c>, <c>casso</c>, <c>payos</c>): a call without the provider's proof is a 401 and
/// kept nowhere; a body we cannot read is a 400; every incoming transfer is kept once by the provider's transaction id
/// and matched (<see cref="TransferMatching"/>), and the provider is told it arrived, whatever the match, so it stops resending.
/// </summary>
public static class BankFeedEndpoints
{
    public static IEndpointRouteBuilder MapBankFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/{provider}", ReceiveAsync).WithTags("Webhooks").WithName("BankFeedWebhook").AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string provider, HttpRequest request, IEnumerable<IBankFeed> feeds, TransferMatching matching,
        IStringLocalizer<SharedResource> text, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(BankFeedEndpoints));
        var feed = feeds.FirstOrDefault(f => f.Provider == provider && f.IsOn);
        if (feed is null)
        {
            return Problem(text, StatusCodes.Status404NotFound, "webhook.unknown_provider");
        }
        if (await WebhookBody.ReadAsync(request, WebhookBody.MaxLength, cancellationToken) is not { } body)
        {
            return Problem(text, StatusCodes.Status413PayloadTooLarge, "webhook.too_large");
        }
        if (!feed.Authenticates(name => request.Headers[name].FirstOrDefault(), body))
        {
            log.LogWarning("A {Provider} bank-feed call came without its key or signature; ignored", provider);
            return Problem(text, StatusCodes.Status401Unauthorized, "webhook.secret");
        }
        IReadOnlyList<IncomingTransfer> transfers;
        try
        {
            transfers = feed.Read(body);
        }
        catch (MalformedFeedException e)
        {
            log.LogWarning("A {Provider} bank-feed call could not be read: {Problem}", provider, e.Message);
            return Problem(text, StatusCodes.Status400BadRequest, "webhook.malformed");
        }
        var outcomes = new List<string>();
        foreach (var transfer in transfers.Where(t => t.Incoming))
        {
            outcomes.Add(await matching.ReceiveAsync(provider, transfer, cancellationToken));
        }
        return TypedResults.Ok(new BankFeedAnswer(true, outcomes));
    }

    private static IResult Problem(IStringLocalizer text, int status, string code) => TypedResults.Problem(ApiProblems.Create(text, status, code));
}

/// <summary><c>success</c> is what SePay looks for (Casso and payOS want any 2xx); <c>outcomes</c> says what became of each incoming transfer.</summary>
public sealed record BankFeedAnswer(bool Success, IReadOnlyList<string> Outcomes);
