using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RuralMarket.Data.Sqlite;

/// <summary>
/// On Linux the process uses Debian's <c>libsqlite3.so.0</c> instead of the copy SQLitePCLRaw bundles. libvips loads
/// its OpenSlide module, which links the system libsqlite3 into the global symbol scope; with two SQLites in one
/// process, the bundled one's own internal calls (FTS5's) bind to the other's functions and the process crashes.
/// One SQLite, Debian's (3.40, with FTS5), removes the clash.
/// </summary>
internal static class SystemSqlite
{
    private const string SystemLibrary = "libsqlite3.so.0";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The resolver must be in place before any SQLite call, whichever of the app, silo, tests or benchmarks opens the first connection.")]
    internal static void Use()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, (name, _, _) =>
            name == "e_sqlite3"
                ? NativeLibrary.TryLoad(SystemLibrary, out var handle) ? handle
                    : throw new DllNotFoundException($"RuralMarket uses the system SQLite ({SystemLibrary}); install Debian's libsqlite3-0.")
                : 0);
    }
}
