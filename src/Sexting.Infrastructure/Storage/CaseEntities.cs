using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Rows of the Cases table, all in the case's partition (its referral id): the case itself, its
/// timeline rows (sortable by time, unique by entry key) and one key marker per timeline entry.
/// </summary>
internal static class CaseEntities
{
    public const string CaseRow = "case";
    public const string TimelinePrefix = "t|";
    public const string TimelineEnd = "t}"; // '}' follows '|': the end of the timeline range
    public const string TimelineKeyPrefix = "k|";

    public static TableEntity ToEntity(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.ReferralId, CaseRow)
        {
            ["CrimeReference"] = record.CrimeReference,
            ["Status"] = record.Status.ToString(),
            ["ReceivedAt"] = record.ReceivedAt,
            ["ForceArea"] = record.ForceArea.ToString(),
        };
        CompressedJson.Write(entity, "Referral", record.Referral);
        if (record.Confirmation is { } confirmation)
        {
            // Contract §11: a case without these columns predates confirmation (taken as confirmed).
            entity["ReporterTrustedDomain"] = confirmation.TrustedDomain;
            entity["ReporterConfirmedAt"] = confirmation.ConfirmedAt;
        }

        if (record.Assessment is not null)
        {
            CompressedJson.Write(entity, "Assessment", record.Assessment);
        }

        if (record.Outcome is not null)
        {
            CompressedJson.Write(entity, "Outcome", record.Outcome);
        }

        if (record.Education is not null)
        {
            CompressedJson.Write(entity, "Education", record.Education);
        }

        return entity;
    }

    public static CaseRecord FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new CaseRecord(
            entity.PartitionKey,
            entity.GetString("CrimeReference"),
            Enum.Parse<CaseStatus>(entity.GetString("Status")),
            entity.GetDateTimeOffset("ReceivedAt") ?? throw new InvalidDataException("A stored case has no ReceivedAt."),
            CompressedJson.Read<Referral>(entity, "Referral") ?? throw new InvalidDataException("A stored case has no referral."),
            CompressedJson.Read<ReferralAssessment>(entity, "Assessment"),
            CompressedJson.Read<OutcomeRecord>(entity, "Outcome"),
            CompressedJson.Read<EducationRecord>(entity, "Education"),
            entity.ETag.ToString())
        {
            Confirmation = entity.GetBoolean("ReporterTrustedDomain") is { } trusted
                ? new ReporterConfirmation(trusted, entity.GetDateTimeOffset("ReporterConfirmedAt"))
                : null,
        };
    }

    // Time order; entries of one instant (a fan-out) in the order of the contract's events.
    private static string TimelineRowKey(TimelineEntry entry, string escapedKey) =>
        TimelinePrefix + TableKeys.Ticks(entry.At) + "|" + ((int)entry.Event).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "|" + escapedKey;

    /// <summary>The two rows of a timeline entry: the marker that makes its key unique, and the entry in time order.</summary>
    public static TableTransactionAction[] AppendActions(string referralId, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = TableKeys.Escape(entry.Key);
        return
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(referralId, TimelineKeyPrefix + key)),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(referralId, TimelineRowKey(entry, key))
            {
                ["At"] = entry.At,
                ["Event"] = entry.Event.ToString(),
                ["Detail"] = entry.Detail,
                ["Key"] = entry.Key,
            }),
        ];
    }

    public static TimelineEntry TimelineFromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new TimelineEntry(
            entity.GetDateTimeOffset("At") ?? throw new InvalidDataException("A timeline row has no time."),
            Enum.Parse<TimelineEvent>(entity.GetString("Event")),
            entity.GetString("Detail") ?? string.Empty,
            entity.GetString("Key"));
    }
}
