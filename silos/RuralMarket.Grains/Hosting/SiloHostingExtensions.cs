using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using RuralMarket.Data.Hosting;
using RuralMarket.Grains.Reminders;
using RuralMarket.Grains.Serialization;
using RuralMarket.Grains.Storage;

namespace RuralMarket.Grains.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this process an Orleans silo hosting the grains: grain state and reminders in our own tables, which they
    /// use only once the schema is current. Settings come from <see cref="OrleansOptions.Section"/> and are checked here,
    /// so a wrong one stops start-up with the key named.
    /// </summary>
    public static IHostApplicationBuilder AddGrainSilo(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton<SiloStartGate>();
        builder.Services.AddSingleton<IStartupGate>(sp => sp.GetRequiredService<SiloStartGate>());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
            silo.AddGrainRuntime();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloStartGate>());
        });
        return builder;
    }

    /// <summary>What every silo of ours has, whatever its clustering: domain types on the wire, our grain storage and reminder table.</summary>
    public static ISiloBuilder AddGrainRuntime(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(serializer => serializer.AddDomainTypes());
        silo.Services.AddKeyedSingleton<IGrainStorage, TableGrainStorage>(TableGrainStorage.Name);
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, TableReminderTable>();
        return silo;
    }

    private static OrleansOptions ReadOptions(IConfiguration configuration)
    {
        var options = new OrleansOptions();
        try
        {
            configuration.GetSection(OrleansOptions.Section).Bind(options);
        }
        catch (InvalidOperationException error)
        {
            throw new OptionsValidationException(OrleansOptions.Section, typeof(OrleansOptions), [$"{OrleansOptions.Section}: {error.Message}"]);
        }
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new OptionsValidationException(OrleansOptions.Section, typeof(OrleansOptions), problems.Select(p => p.ErrorMessage ?? "invalid"));
        }
        if (options.SiloPort == options.GatewayPort)
        {
            throw new OptionsValidationException(OrleansOptions.Section, typeof(OrleansOptions), ["Orleans:SiloPort and Orleans:GatewayPort must differ."]);
        }
        return options;
    }
}
