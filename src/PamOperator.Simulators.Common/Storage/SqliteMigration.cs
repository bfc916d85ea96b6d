namespace PamOperator.Simulators.Common.Storage;

/// <summary>
/// One step of a schema: <paramref name="Sql"/> then <paramref name="Apply"/> (for data changes SQL cannot express),
/// run once per database, in one transaction, when the file's <c>user_version</c> is below <paramref name="Version"/>.
/// Versions start at 1 and never change once shipped; write the first one with <c>IF NOT EXISTS</c> so files created
/// before versioning are adopted.
/// </summary>
public sealed record SqliteMigration(int Version, string Sql, Action<SqliteDatabase>? Apply = null);
