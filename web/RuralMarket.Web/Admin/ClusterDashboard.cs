using Orleans.Dashboard;
using RuralMarket.Web.Accounts;

namespace RuralMarket.Web.Admin;

public static class ClusterDashboard
{
    /// <summary>Where platform admins see the grains' cluster: silos, activations, calls and errors (Orleans' dashboard).</summary>
    public const string Path = "/admin/orleans";

    /// <summary>Orleans' dashboard, behind the same admin policy as the other admin pages.</summary>
    public static IEndpointConventionBuilder MapClusterDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(Path).RequireAuthorization(AccessPolicies.Admin);
}
