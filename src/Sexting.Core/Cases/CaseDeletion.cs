namespace Sexting.Core.Cases;

/// <summary>What <see cref="ICaseStore.DeleteAsync"/> found and did.</summary>
public enum CaseDeletion
{
    /// <summary>The case was held and is now deleted, its tombstone left.</summary>
    Deleted,

    /// <summary>Deleted before (a retried run finished what a crash left): nothing personal was left to delete.</summary>
    AlreadyDeleted,

    /// <summary>There is no such case and no tombstone of one.</summary>
    NotFound,
}
