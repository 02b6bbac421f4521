using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Orders;
using RuralMarket.Web.Accounts;
using RuralMarket.Web.Admin;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Portal;

/// <summary>
/// Every endpoint the app has, read from its own endpoint list, × every kind of visitor. An endpoint missing from
/// <see cref="Rules"/> fails the test, so no page or API can appear without someone deciding who may use it.
/// </summary>
public sealed partial class AuthorizationMatrixTests : IAsyncLifetime
{
    private enum Rule
    {
        Public,
        SignedIn,
        CooperativeStaff,
        CooperativeManager,
        PartnerStaff,
        PartnerApi,
        Admin,
    }

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["/"] = Rule.Public, ["/search"] = Rule.Public, ["/products/{slug}"] = Rule.Public, ["/cooperatives/{slug}"] = Rule.Public,
        ["/cart"] = Rule.Public, ["/checkout"] = Rule.Public, ["/checkout/confirmation"] = Rule.Public, ["/orders/{token}"] = Rule.Public,
        ["/error/{status:int?}"] = Rule.Public, ["/healthz"] = Rule.Public, ["/readyz"] = Rule.Public, ["/media/{**key}"] = Rule.Public,
        ["/culture"] = Rule.Public, ["/api/v1/products"] = Rule.Public, ["/api/v1/products/suggest"] = Rule.Public,
        ["/api/v1/provinces/{code}/communes"] = Rule.Public,
        ["/openapi/{documentName}.json"] = Rule.Public, ["/account/login"] = Rule.Public, ["/account/logout"] = Rule.Public,
        ["/account/register"] = Rule.Public,
        ["/portal"] = Rule.SignedIn,
        ["/portal/{cooperative}/products"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/{id:guid}"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/new"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/import"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/export"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/{id:guid}/edit"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/households"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/households/{household:guid}"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/orders"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/orders/{code}"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/orders/{code}/packing-list"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/activity"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/team"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/dashboard"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/profile"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/money"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/money/{run:guid}"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/orders/{code}/refund"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/households/{household:guid}/earnings"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/households/{household:guid}/handovers"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/reviews"] = Rule.CooperativeManager,
        ["/portal/{cooperative}/notices"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/diary"] = Rule.CooperativeStaff,
        ["/portal/{cooperative}/products/{id:guid}/batches"] = Rule.CooperativeStaff,
        ["/trace/{code}"] = Rule.Public,
        ["/partner/{partner}"] = Rule.PartnerStaff,
        ["/partner/{partner}/parcels/{waybill}"] = Rule.PartnerStaff,
        ["/partner/{partner}/remittances"] = Rule.PartnerStaff,
        ["/admin/reconciliation"] = Rule.Admin,
        ["/admin/partners"] = Rule.Admin,
        ["/admin/webhooks"] = Rule.Admin,
        ["/admin/transfers"] = Rule.Admin,
        ["/admin/payouts"] = Rule.Admin,
        ["/admin/refunds"] = Rule.Admin, ["/admin/reviews"] = Rule.Admin, ["/admin/notices"] = Rule.Admin,
        // Carriers' webhooks carry no session: each call proves itself with its partner's secret (CarrierWebhookTests).
        ["/webhooks/{carrier}/{partner}"] = Rule.Public, ["/webhooks/{carrier}/{partner}/{secret}"] = Rule.Public,
        // Bank feeds likewise: each call carries its provider's key or signature (BankFeedTests).
        ["/webhooks/{provider}"] = Rule.Public, ["/webhooks/stripe"] = Rule.Public,
        ["/api/v1/partner/parcels"] = Rule.PartnerApi, ["/api/v1/partner/events"] = Rule.PartnerApi,
        ["/api/v1/partner/remittances"] = Rule.PartnerApi,
        ["/admin/cooperatives"] = Rule.Admin,
        ["/admin/certificates"] = Rule.Admin,
        [ClusterDashboard.Path] = Rule.Admin,
    };

    /// <summary>Endpoints that answer only POST (the partner API's batches): asked with an empty JSON body.</summary>
    private static readonly HashSet<string> PostOnly = ["/api/v1/partner/events", "/api/v1/partner/remittances"];

    /// <summary>Orleans' dashboard maps its own API and assets under its path; all of it is for admins.</summary>
    private static Rule? RuleOf(string pattern) =>
        Rules.TryGetValue(pattern, out var rule) ? rule
        : pattern.StartsWith(ClusterDashboard.Path + "/", StringComparison.Ordinal) ? Rule.Admin
        : null;

    private static readonly Dictionary<Rule, string?> Policies = new()
    {
        [Rule.Public] = null, [Rule.SignedIn] = AccessPolicies.SignedIn, [Rule.CooperativeStaff] = AccessPolicies.CooperativeStaff,
        [Rule.CooperativeManager] = AccessPolicies.CooperativeManager, [Rule.PartnerStaff] = AccessPolicies.PartnerStaff,
        [Rule.PartnerApi] = AccessPolicies.PartnerApi,
        [Rule.Admin] = AccessPolicies.Admin,
    };

    private PortalWorld _world = null!;

    private Guid _runId;

    public async Task InitializeAsync()
    {
        _world = await PortalWorld.CreateAsync();
        _runId = await _world.PayoutRunAsync(_world.A);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public void Every_endpoint_has_a_rule_and_declares_exactly_that_policy()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        foreach (var (pattern, policies) in endpoints)
        {
            var rule = RuleOf(pattern);
            Assert.True(rule is not null, $"{pattern} has no rule in the authorization matrix: decide who may use it");
            var expected = Policies[rule.Value];
            Assert.True(expected is null ? policies.Count == 0 : policies.Contains(expected), $"{pattern} should require {expected ?? "nothing"}, has [{string.Join(", ", policies)}]");
        }
        Assert.Empty(Rules.Keys.Except(endpoints.Select(e => e.Pattern)));
    }

    [Fact]
    public async Task Each_visitor_gets_exactly_the_portal_and_admin_pages_the_rules_allow()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var actor in PortalWorld.Actors)
        {
            clients[actor] = await _world.ClientAsync(actor);
        }
        var failures = new List<string>();
        foreach (var (pattern, rule) in Rules.Where(r => r.Value != Rule.Public))
        {
            var url = Fill(pattern);
            foreach (var actor in PortalWorld.Actors)
            {
                var response = PostOnly.Contains(pattern)
                    ? await clients[actor].PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
                    : await clients[actor].GetAsync(url);
                var expected = Expected(rule, actor);
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var matches = expected == HttpStatusCode.Redirect
                    ? response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal)
                    : response.StatusCode == expected;
                if (!matches)
                {
                    failures.Add($"{actor} GET {url}: {(int)response.StatusCode} {location}, expected {(int)expected}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every form on every page that has one, posted without its antiforgery token, is refused with 400 and a page that says why.</summary>
    [Fact]
    public async Task Every_form_on_every_page_is_refused_without_its_antiforgery_token()
    {
        var admin = await _world.ClientAsync("admin");
        var partner = await _world.ClientAsync("partnerP");
        List<(string Url, HttpClient Client)> pages =
        [
            .. Rules.Where(r => r.Value is not (Rule.Public or Rule.PartnerApi)).Select(r => (Fill(r.Key), r.Value == Rule.PartnerStaff ? partner : admin)),
            ("/account/login", admin),
            ("/account/register", admin),
        ];
        pages.RemoveAll(p => p.Url.EndsWith("/export", StringComparison.Ordinal));
        var actions = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (page, client) in pages)
        {
            var html = await client.GetStringAsync(page);
            foreach (Match form in PostForm().Matches(html))
            {
                var action = form.Groups["action"].Success ? System.Net.WebUtility.HtmlDecode(form.Groups["action"].Value) : page;
                actions.TryAdd(action.StartsWith('/') ? action : page, client);
            }
        }
        var failures = new List<string>();
        foreach (var (action, client) in actions)
        {
            var response = await client.PostAsync(action, new FormUrlEncodedContent([]));
            // A handler that ran would answer an empty form with its page and a message (also a 400): the page's forms give it away.
            var body = await response.BodyAsync();
            var ran = body.Contains("method=\"post\"", StringComparison.Ordinal);
            var explained = body.Contains("Không xử lý được yêu cầu này", StringComparison.Ordinal);
            if (response.StatusCode != HttpStatusCode.BadRequest || ran || !explained)
            {
                failures.Add($"POST {action} without a token: {(int)response.StatusCode}{(ran ? ", the handler ran" : "")}{(explained ? "" : ", no explanation")}");
            }
        }

        Assert.True(actions.Count >= 15, $"only {actions.Count} forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_manager_of_another_cooperative_cannot_change_its_order_by_url_or_by_form()
    {
        var managerB = await _world.ClientAsync("managerB");
        var ownPage = $"/portal/{_world.B.Slug}/orders/{_world.B.OrderCode}";

        // URL tampering: A's slug. Form tampering: B's own page, with A's order code in the action.
        var foreignSlug = await managerB.PostFormAsync(ownPage, $"/portal/{_world.A.Slug}/orders/{_world.A.OrderCode}?handler=Confirm");
        var foreignCode = await managerB.PostFormAsync(ownPage, $"/portal/{_world.B.Slug}/orders/{_world.A.OrderCode}?handler=Confirm");
        var foreignProduct = await managerB.GetAsync($"/portal/{_world.B.Slug}/products/{_world.A.ProductId}");

        Assert.Equal(HttpStatusCode.Forbidden, foreignSlug.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignProduct.StatusCode);
        Assert.Equal(OrderStatus.Placed, await _world.QueryAsync(db => db.Orders.Where(o => o.Code == _world.A.OrderCode).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_helper_cannot_open_the_managers_activity_log_nor_act_for_another_cooperative()
    {
        var helper = await _world.ClientAsync("helperA");

        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.A.Slug}/activity")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await helper.GetAsync($"/portal/{_world.B.Slug}/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helper.GetAsync($"/portal/{_world.A.Slug}/orders")).StatusCode);
    }

    private static HttpStatusCode Expected(Rule rule, string actor) => (rule, actor) switch
    {
        (Rule.PartnerApi, _) => HttpStatusCode.Unauthorized, // a key, never a portal cookie
        (_, "anonymous" or "buyer") => HttpStatusCode.Redirect,
        (Rule.PartnerStaff, "partnerP") => HttpStatusCode.OK,
        (Rule.PartnerStaff, _) => HttpStatusCode.Forbidden,
        (_, "admin") => HttpStatusCode.OK,
        (Rule.SignedIn, _) => HttpStatusCode.OK,
        (Rule.CooperativeStaff, "managerA" or "helperA") => HttpStatusCode.OK,
        (Rule.CooperativeManager, "managerA") => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };

    private List<(string Pattern, List<string> Policies)> Endpoints() =>
        _world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'),
                Policies: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").ToList()))
            .DistinctBy(e => e.Pattern)
            .ToList();

    private string Fill(string pattern) => Fill(pattern, _world.A, _world.P, _runId);

    private static string Fill(string pattern, PortalCooperativeData cooperative, PortalPartnerData partner, Guid run) =>
        // The dashboard's page is its folder: without the slash it answers with a redirect to it.
        pattern == ClusterDashboard.Path ? ClusterDashboard.Path + "/" : Parameter().Replace(pattern, match => match.Groups["name"].Value switch
        {
            "cooperative" => cooperative.Slug,
            "id" => cooperative.ProductId.ToString(),
            "household" => cooperative.HouseholdId.ToString(),
            "code" => cooperative.OrderCode,
            "partner" => partner.Slug,
            "waybill" => partner.Waybill,
            "run" => run.ToString(),
            var other => throw new InvalidOperationException($"No test value for route parameter {{{other}}} in {pattern}"),
        });

    [GeneratedRegex("\\{(?<name>\\w+)(:[^}]*)?\\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("<form(?=[^>]*method=\"post\")(?:[^>]*\\saction=\"(?<action>[^\"]*)\")?[^>]*>")]
    private static partial Regex PostForm();
}
