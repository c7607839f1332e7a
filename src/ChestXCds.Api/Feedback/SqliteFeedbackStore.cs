using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChestXCds.Api.Feedback;

/// <summary>Card feedback in an embedded SQLite file, one row per outcome. The schema is created on first use.</summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service_id TEXT NOT NULL,
            card_uuid TEXT NOT NULL,
            outcome TEXT NOT NULL,
            accepted_suggestions TEXT NOT NULL,
            override_reasons TEXT NOT NULL,
            had_user_comment INTEGER NOT NULL,
            outcome_timestamp TEXT NOT NULL,
            received_at TEXT NOT NULL,
            client_issuer TEXT
        );
        CREATE INDEX IF NOT EXISTS feedback_card ON feedback (card_uuid);
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim initLock = new(1, 1);
    private bool initialized;

    public SqliteFeedbackStore(IOptions<FeedbackStoreOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.DatabasePath;
        var full = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        DatabaseFile = Path.GetFullPath(full);
        connectionString = new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
    }

    /// <summary>The database file in use.</summary>
    public string DatabaseFile { get; }

    public async Task SaveAsync(IReadOnlyList<FeedbackRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO feedback (service_id, card_uuid, outcome, accepted_suggestions, override_reasons, had_user_comment, outcome_timestamp, received_at, client_issuer)
                VALUES ($service, $card, $outcome, $accepted, $reasons, $comment, $at, $received, $issuer)
                """;
            command.Parameters.AddWithValue("$service", record.ServiceId);
            command.Parameters.AddWithValue("$card", record.CardUuid);
            command.Parameters.AddWithValue("$outcome", record.Outcome);
            command.Parameters.AddWithValue("$accepted", JsonSerializer.Serialize(record.AcceptedSuggestions));
            command.Parameters.AddWithValue("$reasons", JsonSerializer.Serialize(record.OverrideReasons));
            command.Parameters.AddWithValue("$comment", record.HadUserComment ? 1 : 0);
            command.Parameters.AddWithValue("$at", record.OutcomeTimestamp.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$received", record.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$issuer", (object?)record.ClientIssuer ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT service_id, card_uuid, outcome, accepted_suggestions, override_reasons, had_user_comment, outcome_timestamp, received_at, client_issuer
            FROM feedback ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var records = new List<FeedbackRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new FeedbackRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                reader.GetInt64(5) != 0,
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return records;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!initialized)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var durability = connection.CreateCommand())
        {
            // Per connection: an acknowledged feedback row is on disk before the answer (WAL with FULL syncs each commit).
            durability.CommandText = "PRAGMA synchronous=FULL;";
            await durability.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!initialized)
        {
            await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!initialized)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    initialized = true;
                }
            }
            finally
            {
                initLock.Release();
            }
        }

        return connection;
    }
}
