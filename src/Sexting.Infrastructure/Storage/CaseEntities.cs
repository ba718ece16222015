using Azure;
using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Monitoring;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Rows of the Cases table, all in the case's partition (its referral id): the case itself, its
/// timeline rows (sortable by time, unique by entry key) and one key marker per timeline entry; once
/// the case is deleted under retention (contract §12), its tombstone alone.
/// </summary>
internal static class CaseEntities
{
    public const string CaseRow = "case";
    public const string TombstoneRow = "tombstone";
    public const string TimelinePrefix = "t|";
    public const string TimelineEnd = "t}"; // '}' follows '|': the end of the timeline range
    public const string TimelineKeyPrefix = "k|";
    public const string EmailPrefix = "e|"; // contract §10: the emails sent, in the case's partition
    public const string EmailEnd = "e}";
    public const string SealedToProperty = "SealedTo";

    /// <summary>The timeline row's sealed detail (contract §12); <c>Detail</c> holds it in rows stored before encryption at rest.</summary>
    public const string SealedDetailProperty = "SealedDetail";

    /// <summary>The case row; its personal fields sealed with <paramref name="cipher"/>, whose wrapped data key it carries.</summary>
    public static TableEntity ToEntity(CaseRecord record, CaseCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.ReferralId, CaseRow)
        {
            ["CrimeReference"] = record.CrimeReference,
            ["Status"] = record.Status.ToString(),
            ["ReceivedAt"] = record.ReceivedAt,
            ["ForceArea"] = record.ForceArea.ToString(),
        };
        if (cipher is not null)
        {
            CaseKeys.WriteTo(entity, cipher.Wrapped);
        }

        CompressedJson.Write(entity, "Referral", record.Referral, cipher);
        if (record.Confirmation is { } confirmation)
        {
            // Contract §11: a case without these columns predates confirmation (taken as confirmed).
            entity["ReporterTrustedDomain"] = confirmation.TrustedDomain;
            entity["ReporterConfirmedAt"] = confirmation.ConfirmedAt;
        }

        if (record.Assessment is not null)
        {
            CompressedJson.Write(entity, "Assessment", record.Assessment, cipher);
        }

        if (record.Outcome is not null)
        {
            CompressedJson.Write(entity, "Outcome", record.Outcome, cipher);
        }

        if (record.Education is not null)
        {
            CompressedJson.Write(entity, "Education", record.Education, cipher);
        }

        if (record.Investigation is not null)
        {
            CompressedJson.Write(entity, "Investigation", record.Investigation, cipher);
        }

        if (record.Advice.Count > 0)
        {
            CompressedJson.Write(entity, "Advice", record.Advice, cipher);
        }

        return entity;
    }

    public static CaseRecord FromEntity(TableEntity entity, CaseCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new CaseRecord(
            entity.PartitionKey,
            entity.GetString("CrimeReference"),
            Enum.Parse<CaseStatus>(entity.GetString("Status")),
            entity.GetDateTimeOffset("ReceivedAt") ?? throw new InvalidDataException("A stored case has no ReceivedAt."),
            CompressedJson.Read<Referral>(entity, "Referral", cipher) ?? throw new InvalidDataException("A stored case has no referral."),
            CompressedJson.Read<ReferralAssessment>(entity, "Assessment", cipher),
            CompressedJson.Read<OutcomeRecord>(entity, "Outcome", cipher),
            CompressedJson.Read<EducationRecord>(entity, "Education", cipher),
            entity.ETag.ToString())
        {
            Confirmation = entity.GetBoolean("ReporterTrustedDomain") is { } trusted
                ? new ReporterConfirmation(trusted, entity.GetDateTimeOffset("ReporterConfirmedAt"))
                : null,
            Investigation = CompressedJson.Read<InvestigationRecord>(entity, "Investigation", cipher),
            Advice = CompressedJson.Read<List<SafeguardingAdvice>>(entity, "Advice", cipher) ?? [],
        };
    }

    // Time order; entries of one instant (a fan-out) in the order of the contract's events.
    private static string TimelineRowKey(TimelineEntry entry, string escapedKey) =>
        TimelinePrefix + TableKeys.Ticks(entry.At) + "|" + ((int)entry.Event).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "|" + escapedKey;

    /// <summary>
    /// The rows of a timeline entry: the marker that makes its key unique, the entry in time order
    /// (its detail sealed, chained as entry <paramref name="seq"/> after <paramref name="previousMac"/>),
    /// and the chain's head: added for the first entry, else replaced under <paramref name="headETag"/>.
    /// </summary>
    public static TableTransactionAction[] AppendActions(
        string referralId, TimelineEntry entry, CaseCipher? cipher, TimelineChain chain, long seq, string? previousMac, ETag? headETag)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(chain);
        var key = TableKeys.Escape(entry.Key);
        var row = new TableEntity(referralId, TimelineRowKey(entry, key))
        {
            ["At"] = entry.At,
            ["Event"] = entry.Event.ToString(),
            ["Key"] = entry.Key,
        };
        if (cipher is null)
        {
            row["Detail"] = entry.Detail;
        }
        else
        {
            row[SealedDetailProperty] = cipher.SealText(DetailField(entry.Key), entry.Detail);
        }

        chain.Chain(row, seq, previousMac);
        var head = chain.Head(row);
        return
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(referralId, TimelineKeyPrefix + key)),
            new TableTransactionAction(TableTransactionActionType.Add, row),
            headETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, head),
        ];
    }

    public static TimelineEntry TimelineFromEntity(TableEntity entity, CaseCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var key = entity.GetString("Key");
        var sealedDetail = entity.GetBinary(SealedDetailProperty);
        var detail = sealedDetail is null
            ? entity.GetString("Detail") ?? string.Empty
            : cipher?.OpenText(DetailField(key), sealedDetail) ?? throw new InvalidDataException("A sealed timeline row of a case without a data key.");
        return new TimelineEntry(
            entity.GetDateTimeOffset("At") ?? throw new InvalidDataException("A timeline row has no time."),
            Enum.Parse<TimelineEvent>(entity.GetString("Event")),
            detail,
            key);
    }

    /// <summary>The row of a delivered email: kind and time in clear, the address sealed (contract §12).</summary>
    public static TableEntity EmailToEntity(string referralId, SentEmail email, CaseCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(email);
        var row = new TableEntity(referralId, EmailPrefix + TableKeys.Escape(email.Key))
        {
            ["At"] = email.At,
            ["Kind"] = email.Kind.ToString(),
            ["Key"] = email.Key,
        };
        if (cipher is null)
        {
            row["To"] = email.To; // a case without a data key, as its timeline details
        }
        else
        {
            row[SealedToProperty] = cipher.SealText(EmailField(email.Key), email.To);
        }

        return row;
    }

    public static SentEmail EmailFromEntity(TableEntity entity, CaseCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var key = entity.GetString("Key");
        var sealedTo = entity.GetBinary(SealedToProperty);
        var to = sealedTo is null
            ? entity.GetString("To") ?? string.Empty
            : cipher?.OpenText(EmailField(key), sealedTo) ?? throw new InvalidDataException("A sealed email row of a case without a data key.");
        return new SentEmail(
            Enum.Parse<Sexting.Core.Notifications.EmailKind>(entity.GetString("Kind")),
            to,
            entity.GetDateTimeOffset("At") ?? throw new InvalidDataException("An email row has no time."),
            key);
    }

    // Bound to the email's key, as a timeline detail is to its entry's.
    private static string EmailField(string key) => "email|" + key;

    // Bound to the entry's key: a sealed detail copied onto another entry does not open.
    private static string DetailField(string key) => "timeline|" + key;

    /// <summary>The tombstone of a deleted case: its figures (ids, codes and times; no personal data).</summary>
    public static TableEntity ToTombstone(CaseFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new TableEntity(figures.ReferralId, TombstoneRow)
        {
            ["CrimeReference"] = figures.CrimeReference,
            ["ForceArea"] = figures.ForceArea.ToString(),
            ["Status"] = figures.Status.ToString(),
            ["ReceivedAt"] = figures.ReceivedAt,
            ["Route"] = figures.Route?.ToString(),
            ["AggravatingFactors"] = string.Join(',', figures.AggravatingFactors),
            ["AuthorisedAt"] = figures.AuthorisedAt,
            ["NationalOutcome"] = figures.NationalOutcome,
            ["LocalOutcome"] = figures.LocalOutcome,
            ["EducationDueBy"] = figures.EducationDueBy,
            ["EducationDeliveredAt"] = figures.EducationDeliveredAt,
            ["DeletedAt"] = figures.DeletedAt,
            ["Setting"] = figures.Setting,
            ["EventCounts"] = string.Join(',', figures.EventCounts.Where(c => c.Value > 0).Select(c => c.Key + "=" + c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    public static CaseFigures FromTombstone(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var factors = entity.GetString("AggravatingFactors") is { Length: > 0 } codes
            ? codes.Split(',').Select(Enum.Parse<AggravatingFactorCode>).ToArray()
            : [];
        return new CaseFigures(
            entity.PartitionKey,
            entity.GetString("CrimeReference"),
            ForceArea.Of(entity.GetString("ForceArea")),
            Enum.Parse<CaseStatus>(entity.GetString("Status")),
            entity.GetDateTimeOffset("ReceivedAt") ?? throw new InvalidDataException("A tombstone has no ReceivedAt."),
            entity.GetString("Route") is { } route ? Enum.Parse<Route>(route) : null,
            factors,
            entity.GetDateTimeOffset("AuthorisedAt"),
            entity.GetString("NationalOutcome"),
            entity.GetString("LocalOutcome"),
            entity.GetDateTimeOffset("EducationDueBy"),
            entity.GetDateTimeOffset("EducationDeliveredAt"))
        {
            DeletedAt = entity.GetDateTimeOffset("DeletedAt"),
            Setting = entity.GetString("Setting"),
            EventCounts = (entity.GetString("EventCounts") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => Enum.Parse<TimelineEvent>(pair[0]), pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
