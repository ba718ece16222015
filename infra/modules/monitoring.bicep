// Log Analytics and workspace-based Application Insights. Local (instrumentation-key) ingestion is
// off by default, so only the app's managed identity can write telemetry.

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days logs are kept (31 days are included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Daily ingestion cap in GB, a guard against a logging mistake turning into a bill; -1 for none.')
param dailyQuotaGb int

@description('Refuse telemetry sent with only the instrumentation key (Microsoft Entra ID required).')
param disableLocalAuth bool

@description('Suffix of the alert resources\' names (the deployment\'s resource token).')
param resourceToken string

@description('Who is told when a workflow step stalls (docs/monitoring.md); empty for the alert rule alone, seen in Azure Monitor.')
param alertEmail string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyQuotaGb
    }
    features: {
      disableLocalAuth: disableLocalAuth
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: disableLocalAuth
    DisableIpMasking: false
    IngestionMode: 'LogAnalytics'
  }
}

resource serviceOwners 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'sa028-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'service-owners'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// docs/monitoring.md, "Stalled workflow steps": the worker logs an error for each stalled attempt of a referral's
// workflow step and when it gives up (ActivityRetryHandler; ids and code names only). The query matches the
// messages' format as the code writes it (SecurityBaselineTests compares them). One alert per referral (split by
// its id), fired while its step logs stalled attempts and resolved when they stop: the step went through, or it
// was given up (which the query also counts).
resource stalledSteps 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-stalled-steps-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'SA028 workflow step stalled'
    description: 'A referral\'s workflow step still fails after its back-off and is retried hourly for up to 7 days (docs/monitoring.md, "Stalled workflow steps").'
    severity: 1
    enabled: true
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT2H'
    criteria: {
      allOf: [
        {
          query: 'traces | where severityLevel == 3 | where tostring(customDimensions.OriginalFormat) startswith "Referral {ReferralId}: step {Activity} " | project timestamp, ReferralId = tostring(customDimensions.ReferralId), Activity = tostring(customDimensions.Activity)'
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'ReferralId'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: empty(alertEmail) ? [] : [
        serviceOwners.id
      ]
    }
  }
}

output applicationInsightsName string = applicationInsights.name
output logAnalyticsWorkspaceId string = workspace.id
output connectionString string = applicationInsights.properties.ConnectionString
