// Types shared by main.bicep and the function app module.

@export()
@description('A force\'s mailboxes (contract §1, Forces:<force>:*).')
type forceContacts = {
  @description('Line manager(s) who authorise Outcome 21 (§3.4.3).')
  @minLength(6)
  authorisingManagerEmail: string

  @description('Who is asked when the manager has not answered.')
  @minLength(6)
  escalationEmail: string

  @description('Public Protection Unit DS or equivalent (§3.4.3).')
  @minLength(6)
  safeguardingExpertEmail: string

  @description('Youth Intervention Officer (D&C, §3.4.8) or Safer Schools and Communities Team (Dorset, §3.4.9).')
  @minLength(6)
  youthTeamEmail: string

  @description('Where aggravated cases go for investigation (§1.2.2, §3.5).')
  @minLength(6)
  investigationEmail: string
}

@export()
@description('Workflow timings and policy settings (contract §1). Durations are .NET TimeSpan strings (d.hh:mm:ss).')
type workflowSettings = {
  @description('Approval:ReminderAfter')
  approvalReminderAfter: string

  @description('Approval:EscalateAfter')
  approvalEscalateAfter: string

  @description('Approval:LinkLifetime')
  approvalLinkLifetime: string

  @description('Education:DueAfter (§3.4.7)')
  educationDueAfter: string

  @description('Reminders:Schedule, six-field NCRONTAB, evaluated in UTC')
  remindersSchedule: string

  @description('Policy:NextReviewDate, yyyy-MM-dd (§5.1)')
  policyNextReviewDate: string

  @description('Policy:OwnerEmail (§5.3)')
  @minLength(6)
  policyOwnerEmail: string

  @description('Assessment:SignificantAgeGapYears (§3.5.2)')
  @minValue(1)
  significantAgeGapYears: int

  @description('Intake:PermitsPerMinute: referrals accepted per minute from one client address (contract §11)')
  @minValue(1)
  intakePermitsPerMinute: int

  @description('Intake:TrustedReporterDomains: school and college email domains, comma-separated (contract §11)')
  @minLength(1)
  trustedReporterDomains: string

  @description('Reporter:ConfirmWithin: how long a reporter has to confirm their address (contract §11)')
  reporterConfirmWithin: string

  @description('Retention:ClosedCaseAfter: a Closed case is deleted this long after it closed (contract §12; docs/storage.md, "Retention")')
  retentionClosedCaseAfter: string

  @description('Retention:UnconfirmedAfter: an Unconfirmed referral is deleted this long after it became unconfirmed (contract §12)')
  retentionUnconfirmedAfter: string

  @description('Retention:Schedule, six-field NCRONTAB of the retention timer, evaluated in UTC')
  retentionSchedule: string
}
