using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Data.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section. The connection string is <c>ConnectionStrings:RuralMarket</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(ErrorMessage = "ConnectionStrings:RuralMarket is required.")]
    public string ConnectionString { get; set; } = string.Empty;
}
